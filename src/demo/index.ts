export { type DemoSummary, isDatabaseEmpty, type LoadDemoDataOptions, loadDemoData } from "./load-demo-data";
