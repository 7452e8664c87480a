/** The output formats of `ndbridge bench`. */
import type { Report } from '../report.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSvg } from './svg.js';
import { renderTable } from './table.js';

export const FORMATS = ['table', 'markdown', 'json', 'svg'] as const;
export type Format = (typeof FORMATS)[number];

export function render(report: Report, format: Format): string {
  switch (format) {
    case 'table':
      return renderTable(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'json':
      return renderJson(report);
    case 'svg':
      return renderSvg(report);
  }
}
