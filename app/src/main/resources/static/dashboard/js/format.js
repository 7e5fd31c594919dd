// Formatting of the API's figures. Shares come as decimals with four places (0.4286), money as a decimal string
// with its currency, days as YYYY-MM-DD and instants as ISO-8601; none of them goes through a binary float before
// it is shown, except shares, which are shown to one decimal of a percent.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const DASH = '–';

export function count(value) {
  return value === null || value === undefined ? DASH : Number(value).toLocaleString('en-US');
}

/** 0.4286 → "42.9%"; null (nobody to take a share of) → "–". */
export function percent(share) {
  if (share === null || share === undefined) {
    return DASH;
  }
  return `${(Number(share) * 100).toFixed(1)}%`;
}

/** A difference of shares in percentage points: 0.1667 → "+16.7 pp". */
export function points(share) {
  if (share === null || share === undefined) {
    return DASH;
  }
  const value = Number(share) * 100;
  return `${value > 0 ? '+' : ''}${value.toFixed(1)} pp`;
}

/** A relative change: 0.3333 → "+33.3%". */
export function relative(share) {
  if (share === null || share === undefined) {
    return DASH;
  }
  const value = Number(share) * 100;
  return `${value > 0 ? '+' : ''}${value.toFixed(1)}%`;
}

export function decimal(value, places = 2) {
  if (value === null || value === undefined) {
    return DASH;
  }
  const fixed = Number(value).toFixed(places);
  return /^-[0.]+$/.test(fixed) ? fixed.slice(1) : fixed;
}

/** {"amount": "34.00", "currency": "CNY"} → "34.00 CNY". */
export function money(value) {
  if (!value) {
    return DASH;
  }
  const [whole, fraction] = String(value.amount).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fraction === undefined ? grouped : `${grouped}.${fraction}`} ${value.currency}`;
}

/** "2025-03-03" → "3 Mar 2025". */
export function day(value) {
  if (!value) {
    return DASH;
  }
  const [year, month, date] = value.split('-').map(Number);
  return `${date} ${MONTHS[month - 1]} ${year}`;
}

/** "2025-03-03" → "3 Mar" (for chart axes). */
export function shortDay(value) {
  const [, month, date] = value.split('-').map(Number);
  return `${date} ${MONTHS[month - 1]}`;
}

/** An instant in the browser's time zone: "2025-03-20 10:00". */
export function instant(value) {
  if (!value) {
    return DASH;
  }
  const date = new Date(value);
  const pad = number => String(number).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} `
         + `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A duration in minutes as "2 h 5 min", "3 d 4 h". */
export function duration(milliseconds) {
  const minutes = Math.round(Math.abs(milliseconds) / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) {
    return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  }
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}

/** VALUE_CONTRIBUTOR → "Value contributor". */
export function label(name) {
  if (!name) {
    return DASH;
  }
  const words = name.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Days as ISO strings, shifted: addDays("2025-03-30", -29) → "2025-03-01". */
export function addDays(isoDay, days) {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
