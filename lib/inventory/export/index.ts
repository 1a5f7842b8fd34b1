export { exportTables, type ExportRow, type ExportTable } from './export-tables';
export {
  ALLOCATIONS_KIND,
  EXPORT_FORMAT_NAMES,
  EXPORT_FORMATS,
  exportAllocations,
  exportFileName,
  isExportFormat,
  type ExportContext,
  type ExportedFile,
  type ExportFormatName,
} from './formats';
export { MARKDOWN_HEADER, markdownTable, renderMarkdown } from './markdown';
export { CSV_COLUMNS, renderCsv } from './csv';
