/**
 * axe-core in a page: the serious and critical accessibility violations of what is on screen.
 * Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not
 * govern, so the page is checked with its real CSP in force.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './browser';

let source: Promise<string> | undefined;

export type AxeProblem = { rule: string; impact: string; help: string; nodes: string[] };

export async function seriousAxeViolations(page: Page): Promise<AxeProblem[]> {
  source ??= readFile(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await source);
  const violations = await page.evaluate(async () => {
    type Result = {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[]; failureSummary?: string }[];
    };
    const axe = (
      window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Result[] }> } }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
