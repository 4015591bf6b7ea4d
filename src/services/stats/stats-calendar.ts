/**
 * Days and months of the statistics are those of the conference's country: a play at 00:30 in
 * Paris counts for that day in Paris, whatever the server's clock zone.
 */
export const STATS_TIME_ZONE = 'Europe/Paris';

// en-CA writes dates as yyyy-mm-dd.
const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: STATS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** "2026-12-07" */
export type StatsDay = string;
/** "2026-12" */
export type StatsMonth = string;

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function statsDayOf(time: Date): StatsDay {
  return DAY_FORMAT.format(time);
}

export function statsMonthOf(time: Date): StatsMonth {
  return statsDayOf(time).slice(0, 7);
}

export function monthOfDay(day: StatsDay): StatsMonth {
  return day.slice(0, 7);
}
