/** The report renderers by format name. */
import type { RunReport } from '../runner.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

export const FORMATS = ['table', 'markdown', 'json', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export function render(report: RunReport, format: Format, colour: boolean): string {
  switch (format) {
    case 'table':
      return renderTable(report, { colour });
    case 'markdown':
      return renderMarkdown(report);
    case 'json':
      return renderJson(report);
    case 'html':
      return renderHtml(report);
  }
}

export { renderHtml, renderJson, renderMarkdown, renderTable };
export { JsonReportSchema, type JsonReport } from './schema.js';
