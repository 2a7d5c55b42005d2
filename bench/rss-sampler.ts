/**
 * Peak resident memory of this process: sampled every 100 ms, and checked against the kernel's own
 * high-water mark (`maxRSS`, in kilobytes), which catches peaks between two samples.
 */
export type RssSampler = { currentMb(): number; stop(): number };

const MB = 1024 * 1024;

export function startRssSampler(intervalMs = 100): RssSampler {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  timer.unref();
  return {
    currentMb: () => Math.round(process.memoryUsage().rss / MB),
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
      return Math.round(peak / MB);
    },
  };
}
