/**
 * One reader of `~/.aws/config` for a set of services, so that a run reads and parses the file once
 * however many parts ask (sessions, session lookup, sign-in, profiles planning). 1.2 MB with 5,000
 * profiles takes tens of milliseconds to parse; `lanyard env` used to do it four times.
 */
import { parse, type IniDocument } from '../../app/ini/document';
import type { Paths } from '../paths';
import { readConfigText, type ConfigText } from './config-file';
import { currentStamp, remembered } from './remembered';

/** The file as read, parsed on first ask and at most once. */
export type ConfigSnapshot = ConfigText & {
  /** The parse, shared: read it, never edit it. */
  doc(): IniDocument;
  /**
   * The parse for a caller that edits it (the profiles plan): the snapshot gives it up, so a later
   * doc() parses the text again instead of seeing those edits. One parse when nothing read it yet
   * or the only reader is done with it (a CLI run: sessions first, then the plan).
   */
  takeDoc(): IniDocument;
};

export type ConfigReader = {
  read(): Promise<ConfigSnapshot>;
  /**
   * What `find` finds in the file, once per run. With `rememberIn`, an earlier run's answer for
   * the unchanged file serves without reading it (./remembered.ts). `key` names the answer;
   * `isValid` checks one read back.
   */
  found<T>(key: string, isValid: (v: unknown) => v is T, find: (config: ConfigSnapshot) => T): Promise<T>;
  /** Lanyard wrote the file: the next read reads it again. */
  invalidate(): void;
};

export type ConfigReaderOptions = {
  /**
   * once: the first read serves the whole run (a CLI command; Lanyard's own writes invalidate it).
   * Otherwise (the long-lived desktop) every read reads the file, and only the parse of unchanged
   * text is reused, so an edit made in another program is always seen.
   */
  once?: boolean;
  /** A folder to remember answers in between runs (the CLI's data folder); none: never remembered. */
  rememberIn?: string;
};

export function createConfigReader(paths: Paths, opts: ConfigReaderOptions = {}): ConfigReader {
  let last: ConfigSnapshot | undefined;
  let pending: Promise<ConfigSnapshot> | undefined;

  const snapshot = (config: ConfigText): ConfigSnapshot => {
    if (last && last.text === config.text && last.exists === config.exists && last.utf8 === config.utf8)
      return last;
    let doc: IniDocument | undefined;
    last = {
      ...config,
      doc: () => (doc ??= parse(config.text)),
      takeDoc() {
        const taken = doc ?? parse(config.text);
        doc = undefined;
        return taken;
      },
    };
    return last;
  };
  const readNow = async () => snapshot(await readConfigText(paths));
  const answers = new Map<string, Promise<unknown>>();

  const findRemembered = async <T>(
    key: string,
    isValid: (v: unknown) => v is T,
    find: (config: ConfigSnapshot) => T,
  ): Promise<T> => {
    const memo =
      opts.rememberIn === undefined
        ? undefined
        : remembered(opts.rememberIn, `${paths.awsConfigFile}#${key}`, isValid);
    const stamp = memo && (await currentStamp(paths.awsConfigFile));
    const hit = stamp === undefined ? undefined : await memo?.get(stamp);
    if (hit !== undefined) return hit;
    const config = await reader.read();
    const answer = find(config);
    if (memo && config.stamp !== undefined && config.mtimeMs !== undefined)
      await memo.put(config.stamp, config.mtimeMs, answer);
    return answer;
  };

  const reader: ConfigReader = {
    found<T>(key: string, isValid: (v: unknown) => v is T, find: (config: ConfigSnapshot) => T) {
      if (!opts.once) return findRemembered(key, isValid, find);
      let answer = answers.get(key) as Promise<T> | undefined;
      if (!answer) {
        answer = findRemembered(key, isValid, find);
        answers.set(key, answer);
      }
      return answer;
    },
    read() {
      if (!opts.once) return readNow();
      pending ??= readNow();
      return pending;
    },
    invalidate() {
      pending = undefined;
      last = undefined;
      answers.clear();
    },
  };
  return reader;
}
