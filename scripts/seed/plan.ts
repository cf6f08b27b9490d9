import type { Rng } from './random.ts'

/** Made-up Chengdu-style school names (no real school is meant). */
export const SCHOOLS = [
  '槐荫路小学',
  '锦江实验学校',
  '青石桥小学',
  '芙蓉路小学',
  '银杏实验学校',
  '望江路小学',
  '桂溪实验学校',
  '红星路第二小学',
  '玉林实验学校',
  '金沙路小学',
  '浣花实验学校',
  '东湖路小学',
  '府南实验学校',
  '龙潭路小学',
  '蜀锦实验学校',
] as const
const GRADES = ['三年级', '四年级', '五年级', '六年级', '初一', '初二'] as const
const TOPICS: [string, 'lecture' | 'salon' | 'workshop' | 'training'][] = [
  ['防震减灾科普讲座', 'lecture'],
  ['家庭火灾隐患排查讲座', 'lecture'],
  ['台风与暴雨预警信号讲座', 'lecture'],
  ['垃圾分类亲子沙龙', 'salon'],
  ['科学家面对面沙龙', 'salon'],
  ['3D 打印创意工作坊', 'workshop'],
  ['应急包制作工作坊', 'workshop'],
  ['志愿讲解员培训', 'training'],
  ['VR 设备安全使用培训', 'training'],
]
export const SEED_TAG = '（演示数据 demo）'

const DAY_MS = 86_400_000
/** Local days of the center's zone, taken as UTC+8 (Asia/Shanghai has no daylight saving). */
const OFFSET_MS = 8 * 3_600_000
export const localMs = (day: string, hour: number, minute = 0) => Date.parse(`${day}T00:00:00Z`) - OFFSET_MS + (hour * 60 + minute) * 60_000

export interface YearDays {
  school: string[]
  weekend: string[]
}
/** School days (Mon–Fri outside the winter and summer holidays and public holidays) and open days without school (weekends, holidays). */
export function daysOf(year: number): YearDays {
  const school: string[] = []
  const weekend: string[] = []
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY_MS) {
    const d = new Date(t)
    const day = d.toISOString().slice(0, 10)
    const md = day.slice(5)
    const dow = d.getUTCDay()
    // Public holidays (New Year, Labour Day, National Day) are open days like weekends.
    const holiday = md <= '01-03' || (md >= '05-01' && md <= '05-05') || (md >= '10-01' && md <= '10-07')
    if (dow === 0 || dow === 6 || holiday) weekend.push(day)
    else if (!((md >= '01-20' && md <= '02-22') || (md >= '07-08' && md <= '08-31'))) school.push(day)
  }
  return { school, weekend }
}

export interface PlannedSession {
  school: string
  grade: string
  className: string
  headcount: number
  day: string
  startMs: number
  exhibits: string[]
}
export interface PlannedBatch {
  school: string
  grade: string
  className: string
  count: number
  /** The class session it was issued for; null: issued to a class that visits on weekends. */
  session: PlannedSession | null
}

export function planClasses(rng: Rng, year: number, scale: number, exhibitIds: readonly string[]): PlannedBatch[] {
  const { school } = daysOf(year)
  const nSessions = Math.max(1, Math.round(120 * scale))
  const nLoose = Math.max(1, Math.round(12 * scale))
  const days = Array.from({ length: nSessions }, () => rng.pick(school)).sort()
  const cls = () => ({ school: rng.pick(SCHOOLS), grade: rng.pick(GRADES), className: `${rng.int(1, 8)}班`, count: rng.int(30, 45) })
  const out: PlannedBatch[] = days.map((day) => {
    const c = cls()
    const n = Math.min(exhibitIds.length, rng.int(4, 8))
    const exhibits = [...exhibitIds].sort(() => rng.next() - 0.5).slice(0, n)
    const startMs = localMs(day, rng.pick([9, 9, 10, 14, 14, 15]), rng.pick([0, 15, 30]))
    return { ...c, session: { school: c.school, grade: c.grade, className: c.className, headcount: c.count, day, startMs, exhibits } }
  })
  for (let i = 0; i < nLoose; i++) out.push({ ...cls(), session: null })
  return out
}

export interface PlannedActivity {
  topic: string
  type: 'lecture' | 'salon' | 'workshop' | 'training'
  day: string
  durationMin: number
  guides: string
  audience: number
  volunteerTenths: number
}
export function planActivities(rng: Rng, year: number, scale: number): PlannedActivity[] {
  const { school, weekend } = daysOf(year)
  const n = Math.max(1, Math.round(rng.int(30, 40) * scale))
  return Array.from({ length: n }, () => {
    const [topic, type] = rng.pick(TOPICS)
    const durationMin = rng.pick([60, 90, 120])
    const volunteers = rng.int(1, 4)
    return {
      topic: `${topic}${SEED_TAG}`,
      type,
      day: type === 'training' ? rng.pick(school) : rng.pick(weekend),
      durationMin,
      guides: `馆内讲解员 ${volunteers} 人（志愿者）`,
      audience: type === 'training' ? rng.int(8, 20) : rng.int(18, 42),
      volunteerTenths: Math.round(volunteers * (durationMin / 60 + 0.5) * 10),
    }
  }).sort((a, b) => a.day.localeCompare(b.day))
}
