'use strict';
// The FoerderFinder catalogue as json-rules-engine rules: one rule per programme, one condition
// per criterion. json-rules-engine knows true and false only; a criterion is three-valued (met,
// not met, unknown because the profile did not say), so each criterion becomes
//   { any: [ <unknown>, <met> ] }
// and a programme's rule succeeds when no criterion is "not met". Which succeeding programmes are
// eligible and which need information is read from the condition results, as a team building
// rules-as-data on this library would. Built-in operators where they fit (equal, in, contains,
// greaterThanInclusive, ...); custom operators for what needs reference data: regions, countries
// and deadlines.
const fs = require('fs');
const path = require('path');
const { Engine } = require('json-rules-engine');

const root = path.resolve(__dirname, '..', '..');
const referenceData = (name) => JSON.parse(fs.readFileSync(path.join(root, 'FoerderFinder.Domain', 'ReferenceData', name), 'utf8'));

// ---- reference data: Länder, regions, municipalities, DAC list (the same files the C# domain embeds)
const laender = referenceData('laender.json').laender;
const landByCode = new Map(laender.map((l) => [l.code, l]));
const landByAgs = new Map(laender.map((l) => [l.ags, l]));
const regions = new Map();
for (const r of referenceData('regions.json').regions) {
  regions.set(r.id, { id: r.id, level: r.level, laender: r.laender || [], ags: r.ags || [] });
}
for (const l of laender) {
  regions.set(l.code, { id: l.code, level: 'land', laender: [l.code], ags: [] });
}
const municipalities = referenceData('municipalities.json').municipalities;
const byName = new Map();
for (const m of municipalities) {
  const key = normaliseName(m.name);
  byName.set(key, byName.has(key) ? null : m);
}
const dac = new Map(referenceData('dac-list.json').recipients.map((r) => [r.code, r]));

function normaliseName(name) {
  let lower = name.trim().toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  if (lower.startsWith('stadt ')) lower = lower.slice(6);
  return lower.normalize('NFD').replace(/\p{Mn}/gu, '');
}

function region(id) {
  const named = regions.get(id);
  if (named) return named;
  if (id.startsWith('ags:')) {
    const prefix = id.slice(4);
    if (/^\d+$/.test(prefix) && [2, 3, 5, 8].includes(prefix.length) && landByAgs.has(prefix.slice(0, 2))) {
      const r = { id, level: prefix.length === 8 ? 'municipality' : 'part_of_land', laender: [], ags: [prefix] };
      regions.set(id, r);
      return r;
    }
  }
  throw new Error(`Unknown region ${id}`);
}

const landOfAgs = (ags) => (landByAgs.get(ags.slice(0, 2)) || {}).code || null;

// A municipality the reference data does not know leaves the place at its state (regions stay unknown);
// the matcher then does not ask for the municipality again, which changes no verdict: the peer reads none.
function resolvePlace(state, municipality) {
  let ags = null;
  if (municipality != null) {
    const trimmed = municipality.trim();
    if (/^\d{8}$/.test(trimmed)) {
      if (landByAgs.has(trimmed.slice(0, 2))) ags = trimmed;
    } else {
      const known = byName.get(normaliseName(trimmed));
      if (known) ags = known.ags;
    }
  }
  return { state: state != null ? state : ags == null ? null : landOfAgs(ags), ags };
}

// ---- three-valued rules behind the custom operators (ports of Geo.Contains, DeadlineCalculator)
const MET = 0, NOT_MET = 1, UNKNOWN = 2;

function contains(r, place) {
  const state = place.state != null ? place.state : place.ags != null ? landOfAgs(place.ags) : null;
  if (r.laender.length === 1 && r.laender[0] === '*') return state == null ? UNKNOWN : MET;
  if (r.laender.length > 0) return state == null ? UNKNOWN : r.laender.includes(state) ? MET : NOT_MET;
  if (place.ags != null) return r.ags.some((p) => place.ags.startsWith(p)) ? MET : NOT_MET;
  const land = state != null ? landByCode.get(state) : null;
  if (land) return r.ags.some((p) => p.startsWith(land.ags)) ? UNKNOWN : NOT_MET;
  return UNKNOWN;
}

function regionsOutcome(place, ids) {
  let outcome = NOT_MET;
  for (const id of ids) {
    const c = contains(region(id), place);
    if (c === MET) return MET;
    if (c === UNKNOWN) outcome = UNKNOWN;
  }
  return outcome;
}

const DAY = 86400000;
const dayNumber = (y, m, d) => Date.UTC(y, m - 1, d) / DAY;
const yearOf = (day) => new Date(day * DAY).getUTCFullYear();
const daysInMonth = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const parseDay = (text) => dayNumber(+text.slice(0, 4), +text.slice(5, 7), +text.slice(8, 10));

function leadWeeks(schedule, amount) {
  const tiers = schedule.leadTimes || [];
  if (tiers.length === 0) return 0;
  if (amount == null) return Math.max(0, ...tiers.map((t) => t.weeks));
  for (const t of tiers) if (t.maxAmountEur == null || amount <= t.maxAmountEur) return t.weeks;
  return tiers[tiers.length - 1].weeks;
}

/** { outcome, next }: the deadline for this profile on this day (DeadlineCalculator.Compute). */
function deadline(schedule, input) {
  const lead = leadWeeks(schedule, input.amount);
  if (schedule.type === 'rolling') {
    if (input.plannedStart == null) return { outcome: MET, next: null };
    return { outcome: input.plannedStart - 7 * lead >= input.asOf ? MET : NOT_MET, next: null };
  }
  if (schedule.type === 'call' && schedule.call !== 'open') return { outcome: UNKNOWN, next: null };
  const annual = schedule.type === 'annual';
  const dates = schedule.parsed || (schedule.parsed = annual
    ? schedule.dates.map((d) => [+d.slice(0, 2), +d.slice(3, 5)]).sort((a, b) => a[0] - b[0] || a[1] - b[1])
    : schedule.dates.map(parseDay).sort((a, b) => a - b));
  let next = null;
  if (annual) {
    const year = yearOf(input.asOf);
    for (let y = year; y <= year + 1 && next == null; y++) {
      for (const [m, d] of dates) {
        if (d <= daysInMonth(y, m) && dayNumber(y, m, d) >= input.asOf) { next = dayNumber(y, m, d); break; }
      }
    }
  } else {
    next = dates.find((d) => d >= input.asOf);
    if (next === undefined) next = null;
  }
  if (next == null) return { outcome: NOT_MET, next: null };
  if (input.plannedStart == null) return { outcome: MET, next };
  const minGap = 7 * Math.max(lead, (schedule.serves && schedule.serves.minWeeksAfter) || 0);
  const maxGap = schedule.serves && schedule.serves.maxWeeksAfter != null ? 7 * schedule.serves.maxWeeksAfter : Infinity;
  let latest = null;
  const consider = (day) => {
    const gap = input.plannedStart - day;
    if (gap >= minGap && gap <= maxGap && (latest == null || day > latest)) latest = day;
  };
  if (annual) {
    const startYear = yearOf(input.plannedStart);
    for (let y = startYear - 3; y <= startYear; y++) for (const [m, d] of dates) if (d <= daysInMonth(y, m)) consider(dayNumber(y, m, d));
  } else {
    dates.forEach(consider);
  }
  return { outcome: latest != null && latest >= input.asOf ? MET : NOT_MET, next };
}

function countriesAllowed(countries, spec) {
  return countries.every((code) => {
    if (spec.countries.includes(code)) return true;
    const recipient = dac.get(code);
    return recipient != null && (spec.countryLists.includes('oda_dac') || spec.dacRegions.includes(recipient.region));
  });
}

function addOperators(engine) {
  engine.addOperator('inRegions', (place, ids) => regionsOutcome(place, ids) === MET);
  engine.addOperator('regionsUnknown', (place, ids) => regionsOutcome(place, ids) === UNKNOWN);
  engine.addOperator('countriesAllowed', (countries, spec) => countries != null && countries.length > 0 && countriesAllowed(countries, spec));
  engine.addOperator('deadlineMet', (input, schedule) => deadline(schedule, input).outcome === MET);
  engine.addOperator('deadlineUnknown', (input, schedule) => deadline(schedule, input).outcome === UNKNOWN);
}

// ---- criteria as conditions
const is = (fact, operator, value) => ({ fact, operator, value });
const isNull = (fact) => is(fact, 'equal', null);
const never = is('always', 'equal', false);
const range = (fact, min, max) => [
  ...(min != null ? [is(fact, 'greaterThanInclusive', min)] : []),
  ...(max != null ? [is(fact, 'lessThanInclusive', max)] : []),
];
const all = (conditions) => (conditions.length === 0 ? is('always', 'equal', true) : { all: conditions });

/** [unknown, met] for one criterion. */
function criterion(c) {
  switch (c.kind) {
    case 'applicant_type': return [isNull('organisationType'), is('organisationType', 'in', c.anyOf)];
    case 'applicant_seat': return [is('organisationSeat', 'regionsUnknown', c.regions), is('organisationSeat', 'inRegions', c.regions)];
    case 'project_location': return [isNull('projectLocation'), is('projectLocation', 'in', c.anyOf)];
    case 'project_region': return [
      all([is('projectLocation', 'notEqual', 'abroad'), is('projectPlace', 'regionsUnknown', c.regions)]),
      all([is('projectLocation', 'notEqual', 'abroad'), is('projectPlace', 'inRegions', c.regions)]),
    ];
    case 'project_country': {
      // Limits only projects abroad: project_location decides about Germany.
      const spec = { countries: c.countries || [], countryLists: c.countryLists || [], dacRegions: c.dacRegions || [] };
      return [
        all([is('projectLocation', 'notEqual', 'germany'), is('countriesGiven', 'equal', false)]),
        { any: [is('projectLocation', 'equal', 'germany'), is('countries', 'countriesAllowed', spec)] },
      ];
    }
    case 'amount': {
      const inRange = range('requestedAmountEur', c.minEur, c.maxEur);
      if (c.firstTimeMaxEur == null) return [isNull('requestedAmountEur'), all(inRange.length ? inRange : [is('requestedAmountEur', 'notEqual', null)])];
      return [
        { any: [isNull('requestedAmountEur'), all([...inRange, is('requestedAmountEur', 'greaterThan', c.firstTimeMaxEur), isNull('firstTimeApplicant')])] },
        all([...inRange, { any: [is('requestedAmountEur', 'lessThanInclusive', c.firstTimeMaxEur), is('firstTimeApplicant', 'equal', false)] }]),
      ];
    }
    case 'own_contribution': {
      if (c.volunteerRunMinPercent == null) return [isNull('ownContributionPercent'), is('ownContributionPercent', 'greaterThanInclusive', c.minPercent)];
      return [
        { any: [isNull('ownContributionPercent'), all([is('ownContributionPercent', 'lessThan', c.minPercent), is('ownContributionPercent', 'greaterThanInclusive', c.volunteerRunMinPercent), isNull('volunteerRun')])] },
        { any: [is('ownContributionPercent', 'greaterThanInclusive', c.minPercent), all([is('ownContributionPercent', 'greaterThanInclusive', c.volunteerRunMinPercent), is('volunteerRun', 'equal', true)])] },
      ];
    }
    case 'duration': return [isNull('durationMonths'), all([is('durationMonths', 'notEqual', null), ...range('durationMonths', c.minMonths, c.maxMonths)])];
    case 'organisation_age': return [isNull('organisationAge'), all([is('organisationAge', 'notEqual', null), ...range('organisationAge', c.minYears, c.maxYears)])];
    case 'charitable': {
      // The exempt types (public bodies) need not be charitable; without a type, a non-charitable applicant may be one.
      const exempt = c.exceptFor || [];
      if (exempt.length === 0) return [isNull('charitable'), is('charitable', 'equal', true)];
      return [
        all([is('organisationType', 'notIn', exempt), { any: [isNull('charitable'), all([isNull('organisationType'), is('charitable', 'equal', false)])] }]),
        { any: [is('organisationType', 'in', exempt), is('charitable', 'equal', true)] },
      ];
    }
    case 'migrant_led': return [isNull('migrantLed'), is('migrantLed', 'equal', true)];
    case 'volunteer_run': return [isNull('volunteerRun'), is('volunteerRun', 'equal', true)];
    case 'first_time_applicant': return [isNull('firstTimeApplicant'), is('firstTimeApplicant', 'equal', c.required)];
    case 'partner_cooperation': return [isNull('partnerCooperationYears'), is('partnerCooperationYears', 'greaterThanInclusive', c.minYears)];
    case 'theme': return [is('themesGiven', 'equal', false), { any: c.anyOf.map((t) => is('themes', 'contains', t)) }];
    case 'project_start_window': return [
      isNull('plannedStartDay'),
      all([is('plannedStartDay', 'notEqual', null), ...range('plannedStartDay', c.from != null ? parseDay(c.from) : null, c.to != null ? parseDay(c.to) : null)]),
    ];
    case 'deadline': return [is('deadlineInput', 'deadlineUnknown', c.schedule), is('deadlineInput', 'deadlineMet', c.schedule)];
    default: throw new Error(`No rule for ${c.kind}`);
  }
}

const levelOrder = ['municipality', 'part_of_land', 'land', 'group_of_laender', 'country', 'supranational'];
const levelPoints = [20, 16, 12, 8, 4, 0];

/** The engine with one rule per programme, and what ranking needs per programme. */
function buildEngine(programmes) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  addOperators(engine);
  const meta = new Map();
  for (const p of programmes) {
    const over = ['closed', 'replaced', 'past_round'].includes(p.status);
    const conditions = p.criteria.map((c) => { const [unknown, met] = criterion(c); return { any: [unknown, met] }; });
    if (p.status !== 'active') conditions.unshift({ any: [over ? never : is('always', 'equal', true), never] });
    engine.addRule({ name: p.id, conditions: { all: conditions }, event: { type: 'programme', params: { id: p.id } } });
    let narrowest = levelOrder.length - 1;
    for (const c of p.criteria) {
      if (c.kind === 'applicant_seat' || c.kind === 'project_region') {
        narrowest = Math.min(narrowest, Math.max(...c.regions.map((r) => levelOrder.indexOf(region(r).level))));
      }
    }
    meta.set(p.id, {
      id: p.id,
      themes: new Set(p.themes || []),
      amount: p.criteria.find((c) => c.kind === 'amount') || null,
      deadline: p.criteria.find((c) => c.kind === 'deadline') || null,
      regionPoints: levelPoints[narrowest],
      madeForMsos: !!p.madeForMsos,
      firstTimeFriendly: !!p.firstTimeFriendly,
      // Advice and seconded staff do not pay for the amount asked for: no amount-fit points.
      givesMoney: !['advisory', 'personnel'].includes(p.supportType),
    });
  }
  return { engine, meta };
}

/** The facts for one profile, worked out once per match as the C# MatchContext does. */
function facts(request) {
  const o = request.organisation || {};
  const p = request.project || {};
  const asOf = parseDay(request.asOf);
  const plannedStart = p.plannedStart != null ? parseDay(p.plannedStart) : null;
  const nullable = (v) => (v === undefined ? null : v);
  return {
    always: true,
    organisationType: nullable(o.type),
    migrantLed: nullable(o.migrantLed),
    charitable: nullable(o.charitable),
    organisationAge: o.foundedYear != null ? yearOf(asOf) - o.foundedYear : null,
    volunteerRun: nullable(o.volunteerRun),
    firstTimeApplicant: nullable(o.firstTimeApplicant),
    partnerCooperationYears: nullable(o.partnerCooperationYears),
    organisationSeat: resolvePlace(nullable(o.state), nullable(o.municipality)),
    projectPlace: resolvePlace(nullable(p.state), nullable(p.municipality)),
    projectLocation: nullable(p.location),
    countries: p.countries || [],
    countriesGiven: Array.isArray(p.countries) && p.countries.length > 0,
    themes: p.themes || [],
    themesGiven: Array.isArray(p.themes) && p.themes.length > 0,
    requestedAmountEur: nullable(p.requestedAmountEur),
    ownContributionPercent: nullable(p.ownContributionPercent),
    plannedStartDay: plannedStart,
    durationMonths: nullable(p.durationMonths),
    deadlineInput: { asOf, plannedStart, amount: nullable(p.requestedAmountEur) },
  };
}

const branchResult = (condition) => {
  if (condition.all) return condition.all.every(branchResult);
  if (condition.any) return condition.any.some(branchResult);
  return condition.result === true;
};

function score(m, f, deadlineMet) {
  let shared = 0;
  for (const t of f.themes) if (m.themes.has(t)) shared++;
  let points = shared === 0 ? 0 : shared === 1 ? 20 : 30;
  if (m.givesMoney && f.requestedAmountEur != null) {
    const cap = m.amount == null ? null
      : f.firstTimeApplicant === true && m.amount.firstTimeMaxEur != null ? m.amount.firstTimeMaxEur : m.amount.maxEur;
    const asked = f.requestedAmountEur;
    points += cap == null || cap === 0 ? 10 : asked > cap ? 0 : asked * 4 >= cap ? 20 : asked * 20 >= cap ? 10 : 5;
  }
  return points + m.regionPoints + (deadlineMet ? 15 : 0) + (m.madeForMsos && f.migrantLed === true ? 10 : 0)
    + (m.firstTimeFriendly && f.firstTimeApplicant === true ? 5 : 0);
}

/** One match: run the engine, read eligible / needs information from the condition results, rank, take the top. */
async function match(built, request, limit) {
  const f = facts(request);
  const { results, failureResults } = await built.engine.run(f);
  const ranked = [];
  let eligible = 0, open = 0;
  for (const r of results) {
    const unknown = r.conditions.all.some((c) => branchResult(c.any[0]));
    if (unknown) open++; else eligible++;
    const m = built.meta.get(r.name);
    const d = m.deadline ? deadline(m.deadline.schedule, f.deadlineInput) : { outcome: UNKNOWN, next: null };
    ranked.push({ id: m.id, verdict: unknown ? 1 : 0, score: score(m, f, d.outcome === MET), next: d.next == null ? Infinity : d.next });
  }
  ranked.sort((a, b) => a.verdict - b.verdict || b.score - a.score || a.next - b.next || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    counts: { eligible, needsInformation: open, notEligible: failureResults.length },
    top: ranked.slice(0, limit).map((r) => r.id),
  };
}

module.exports = { buildEngine, match };
