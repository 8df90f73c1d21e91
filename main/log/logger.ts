import { redactText, redactValue } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogRecord = { time: string; level: LogLevel; scope: string; msg: string; data?: unknown };
export type LogSink = (record: LogRecord) => void;

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

let sinks: LogSink[] = [];
let threshold: LogLevel = (process.env.LANYARD_LOG_LEVEL as LogLevel | undefined) ?? 'info';

/** Where log lines go: the CLI adds stderr under `--verbose`, the app a file, tests a recorder. */
export function addLogSink(sink: LogSink): () => void {
  sinks.push(sink);
  return () => {
    sinks = sinks.filter((s) => s !== sink);
  };
}

export function setLogLevel(level: LogLevel): void {
  threshold = level;
}

export type Logger = Record<LogLevel, (msg: string, data?: unknown) => void>;

/** One logger per module; every line is redacted before any sink sees it. */
export function createLogger(scope: string): Logger {
  const emit = (level: LogLevel) => (msg: string, data?: unknown) => {
    if (order[level] < order[threshold] || sinks.length === 0) return;
    const record: LogRecord = { time: new Date().toISOString(), level, scope, msg: redactText(msg) };
    if (data !== undefined) record.data = redactValue(data);
    for (const sink of sinks) sink(record);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export function formatRecord(r: LogRecord): string {
  const data = r.data === undefined ? '' : ` ${JSON.stringify(r.data)}`;
  return `${r.time} ${r.level.toUpperCase()} [${r.scope}] ${r.msg}${data}`;
}
