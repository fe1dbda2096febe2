import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { makeTightCohort } from '../core/grouping/test-rosters.ts';
import { loadHighsSolver } from '../server/grouping/highs-solver.ts';
import { groupsFormCommand } from './groups-form.ts';

const header = 'id,name,level,discipline,availability,interests,facilitator,experience,not_with,supervises';
const people = [
  'f1,Ana,faculty,medicine,tue-12 wed-18,burnout,yes,12,,r1',
  'f2,Ben,faculty,nursing,tue-12 thu-9..12,sleep,yes,2,,',
  's1,Cy,student-1,medicine,tue-12 wed-18,burnout;sleep,no,,,',
  's2,Di,student-1,nursing,tue-12,burnout,no,,,',
  's3,Ed,student-2,pharmacy,tue-12 wed-18,sleep,no,,s4,',
  's4,Flo,student-2,medicine,tue-12,burnout,no,,,',
  's5,Gus,student-3,nursing,tue-12 thu-10,grief,no,,,',
  's6,Hal,student-3,medicine,tue-12,burnout,no,,,',
  'r1,Ida,resident,medicine,tue-12 wed-18,sleep,no,,,',
  'r2,Jo,resident,psychology,tue-12 thu-10,burnout,no,,,',
  'p1,Kim,practitioner,social work,tue-12,grief,no,,,',
  'p2,Lou,practitioner,nursing,tue-12,burnout,no,,,',
  's7,Max,student-4,medicine,tue-12 wed-18,sleep,no,,,',
  's8,Ned,student-4,nursing,tue-12,burnout,no,,,',
  'r3,Oz,resident,pharmacy,tue-12,grief,no,,,',
  'r4,Pat,resident,medicine,tue-12,sleep,no,,,',
  'x1,Quin,student-1,medicine,sun-03,sleep,no,,,',
];

async function run(argv: string[], files: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await groupsFormCommand(argv, {
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    loadSolver: loadHighsSolver,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

const roster = `${header}\n${people.join('\n')}\n`;

describe('tend groups form', () => {
  it('writes names that look like formulas as text, and slots and ids unchanged', async () => {
    const hostile = roster
      .replace(',Di,', ',"-2+3+HYPERLINK(""https://evil.example"",""x"")",')
      .replace(',Cy,', ',=cmd(),')
      .replace(',Ed,', ',-1+HYPERLINK(x),');
    const { code, stdout } = await run(['roster.csv', '--min', '6', '--max', '9', '--effort', '0.1'], {
      'roster.csv': hostile,
    });
    expect(code).toBe(0);
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    const nameOf = (id: string) => rows.find((row) => row.id === id)?.name;
    expect(nameOf('s2')).toBe('\'-2+3+HYPERLINK("https://evil.example","x")');
    expect(nameOf('s1')).toBe("'=cmd()");
    expect(nameOf('s3')).toBe("'-1+HYPERLINK(x)");
  });

  it('writes groups as CSV and explains them on stderr', async () => {
    const { code, stdout, stderr } = await run(
      ['roster.csv', '--min', '6', '--max', '9', '--effort', '0.1'],
      { 'roster.csv': roster },
    );
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'group,meeting_slot,meeting_time,id,name,level,discipline,facilitator,unplaced_reason',
    );
    expect(lines.filter((line) => line.startsWith('group-'))).toHaveLength(16);
    expect(stdout).toContain('group-1,tue-12,Tuesdays 12:00–13:00,');
    expect(lines.at(-1)).toMatch(/^,,,x1,Quin,student-1,medicine,no,"?no slot shared with enough others/);
    expect(stderr).toMatch(/^2 groups, 16 of 17 people placed; penalty \d+\.\d/);
    expect(stderr).toContain('levels: ');
    expect(stderr).toContain('x1: no slot shared with enough others');
    const groupOf = (id: string) => lines.find((line) => line.split(',')[3] === id)?.split(',')[0];
    expect(groupOf('f1')).not.toBe(groupOf('r1'));
    expect(groupOf('s3')).not.toBe(groupOf('s4'));
  });

  it('names the row and column of every bad cell, and exits 2', async () => {
    const bad = `${header}\n${people[0]}\n,NoId,student-1,medicine,tue-12,,no,,,\ns9,Rae,studnet-1,medicine,tue-25,,maybe,-3,zz,\n`;
    const { code, stdout, stderr } = await run(['roster.csv'], { 'roster.csv': bad });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('roster.csv has 7 problems to fix:');
    expect(stderr).toContain('row 3, column id: is empty; every person needs an id');
    expect(stderr).toContain('row 4, column level: "studnet-1" is not a level; use one of student-1');
    expect(stderr).toContain('row 4, column availability: "tue-25" is not a weekly hour like tue-12');
    expect(stderr).toContain('row 4, column facilitator: "maybe" must be yes or no');
    expect(stderr).toContain(
      'row 4, column experience: "-3" must be a number of years or sessions, 0 or more',
    );
    expect(stderr).toContain('row 4, column not_with: "zz" is not an id in the roster');
    expect(stderr).toContain('row 2, column supervises: "r1" is not an id in the roster');
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('explains missing columns, files and bad options with exit code 2', async () => {
    const files = { 'roster.csv': roster, 'thin.csv': 'id,name\na,Ann\n' };
    const cases: [string[], string][] = [
      [[], 'name the roster file'],
      [['missing.csv'], 'cannot read missing.csv: no such file.'],
      [['thin.csv'], 'thin.csv: the header row lacks the columns level, availability.'],
      [['roster.csv', '--min', 'eight'], '--min must be a whole number, not "eight".'],
      [['roster.csv', '--min', '10', '--max', '8'], '--max (8) is below --min (10).'],
      [['roster.csv', '--facilitators', '2..1'], '--facilitators 2..1: the maximum is below the minimum.'],
      [
        ['roster.csv', '--weights', 'levels=3'],
        '--weights: unknown weight "levels"; use level, discipline, interests, experience, history.',
      ],
      [['roster.csv', '--mode', 'shuffle'], '--mode must be new or stable, not "shuffle".'],
      [['roster.csv', '--colour', 'red'], "Unknown option '--colour'"],
      [['roster.csv', '--previous', 'thin.csv'], 'thin.csv: the header row needs the columns id and group'],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await run(argv, files);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toContain(message);
    }
  });

  it('reads last term from a previous groups.csv and keeps groups together in stable mode', async () => {
    const first = await run(['roster.csv', '--min', '6', '--max', '9', '--effort', '0.1'], {
      'roster.csv': roster,
    });
    const second = await run(
      [
        'roster.csv',
        '--min',
        '6',
        '--max',
        '9',
        '--effort',
        '0.1',
        '--previous',
        'groups.csv',
        '--mode',
        'stable',
        '--weights',
        'history=50',
      ],
      { 'roster.csv': roster, 'groups.csv': first.stdout },
    );
    expect(second.code).toBe(0);
    const groupsOf = (csv: string) =>
      new Set(
        ['group-1', 'group-2'].map((group) =>
          csv
            .split('\n')
            .filter((line) => line.startsWith(`${group},`))
            .map((line) => line.split(',')[3])
            .sort()
            .join(' '),
        ),
      );
    expect(groupsOf(second.stdout)).toEqual(groupsOf(first.stdout));
    expect(second.stderr).toContain('pairs of previous groupmates together');
  });

  it('places everyone on a tight roster the heuristic alone leaves 10 people out of', async () => {
    const tight = makeTightCohort(60, 1);
    const supervised = new Map<string, string[]>();
    for (const { participantIds } of tight.conflicts ?? []) {
      supervised.set(participantIds[0], [...(supervised.get(participantIds[0]) ?? []), participantIds[1]]);
    }
    const rows = tight.participants.map((person) =>
      [
        person.id,
        person.level,
        person.availability.join(' '),
        person.isFacilitator ? 'yes' : 'no',
        (supervised.get(person.id) ?? []).join(';'),
      ].join(','),
    );
    const csv = `id,level,availability,facilitator,supervises\n${rows.join('\n')}\n`;
    const { code, stdout, stderr } = await run(
      ['tight.csv', '--min', '10', '--max', '10', '--facilitators', '1', '--effort', '0.2'],
      { 'tight.csv': csv },
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/^6 groups, 60 of 60 people placed/);
    expect(stdout).not.toMatch(/^,,,/m);
  });

  it('names what keeps people out, in the same words as the API and the groups board', async () => {
    const seven = people.slice(1, 8).join('\n');
    const { code, stdout, stderr } = await run(['roster.csv', '--effort', '0.1'], {
      'roster.csv': `${header}\n${seven}\n`,
    });
    expect(code).toBe(0);
    expect(stderr).toContain('Note: a group needs 8 people; 7 enrolled');
    expect(stdout).not.toContain('group-1');
  });
});
