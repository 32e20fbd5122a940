import { describe, expect, it, vi } from 'vitest';
import { startRunsProgress } from '../../sim/sweep/progress.js';

describe('sweep/progress', () => {
  it('draws nothing when stderr is not a terminal or when disabled', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const tty = process.stderr.isTTY;
    try {
      for (const [isTTY, enabled] of [[false, true], [true, false]] as const) {
        Object.defineProperty(process.stderr, 'isTTY', { value: isTTY, configurable: true });
        const bar = startRunsProgress('s', enabled);
        bar.update(1, 10);
        bar.stop();
      }
      expect(write).not.toHaveBeenCalled();
    } finally {
      Object.defineProperty(process.stderr, 'isTTY', { value: tty, configurable: true });
      write.mockRestore();
    }
  });

  it('draws runs done, the rate and the ETA on a terminal', () => {
    const chunks: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (chunks.push(String(c)), true));
    const tty = process.stderr.isTTY;
    try {
      Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
      const bar = startRunsProgress('claims', true);
      bar.update(3, 12);
      bar.stop();
    } finally {
      Object.defineProperty(process.stderr, 'isTTY', { value: tty, configurable: true });
      write.mockRestore();
    }
    const text = chunks.join('');
    expect(text).toContain('claims');
    expect(text).toMatch(/run 3\/12 \| [\d.]+ runs\/s \| ETA/);
  });
});
