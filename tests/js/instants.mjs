// Prints every event of the iCalendar file named on the command line as JSON lines:
// its UID, its start and end in UTC and its summary and description, as ical.js (the parser in Thunderbird) reads them
// using the VTIMEZONE definitions in the file itself.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const calendar = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
}
for (const vevent of calendar.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(vevent);
  console.log(JSON.stringify({
    uid: event.uid,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    tzid: event.startDate.zone ? event.startDate.zone.tzid : null,
    summary: event.summary,
    description: event.description,
  }));
}
