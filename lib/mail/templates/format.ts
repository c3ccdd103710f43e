/** How dates in e-mails are written. Defaults: British English, UTC (the server's view of time). */
export interface MailFormatOptions {
  /** BCP 47 locale for dates and plurals, e.g. "en-GB". */
  locale?: string;
  /** IANA time zone used to print dates and times, e.g. "Europe/Berlin". */
  timeZone?: string;
}

const DEFAULT_LOCALE = "en-GB";
const DEFAULT_TIME_ZONE = "UTC";

/** A calendar date such as a due date: "15 March 2027". */
export function formatMailDate(date: Date, options: MailFormatOptions = {}): string {
  return new Intl.DateTimeFormat(options.locale ?? DEFAULT_LOCALE, {
    dateStyle: "long",
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
  }).format(date);
}

/** A moment such as a link's expiry, with its time zone: "15 March 2027 at 14:30 UTC". */
export function formatMailDateTime(date: Date, options: MailFormatOptions = {}): string {
  return new Intl.DateTimeFormat(options.locale ?? DEFAULT_LOCALE, {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
  }).format(date);
}

/** "1 comment" / "3 comments" via the locale's plural rules. */
export function pluralize(
  count: number,
  one: string,
  other: string,
  options: MailFormatOptions = {},
): string {
  const rule = new Intl.PluralRules(options.locale ?? DEFAULT_LOCALE).select(count);
  return `${count} ${rule === "one" ? one : other}`;
}
