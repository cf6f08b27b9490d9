import { interpolate } from '../../core/translate.ts'
import { useLangStore } from '../../i18n/lang-store.ts'

/** The district page's own words, zh-CN first (an admin tool in its own chunk, like the dashboard). */
const zh = {
  title: '区级统计',
  intro: '本区所有科普馆的体验、展项和易错题，来自各馆转发的数据。可按馆筛选，并逐馆比较。',
  'signin.title': '区级管理员登录',
  'signin.user': '用户名',
  'signin.password': '密码',
  'signin.submit': '登录',
  'signin.failed': '用户名或密码不对。',
  'signin.offline': '连不上区级服务器，请稍后再试。',
  signout: '退出登录',
  'filter.center': '科普馆',
  'filter.all': '全部馆',
  'filter.from': '开始日期',
  'filter.to': '结束日期',
  'filter.bucket': '按',
  'bucket.day': '天',
  'bucket.week': '周',
  'bucket.month': '月',
  'view.centers': '各馆比较',
  'view.visits': '体验人次',
  'view.exhibits': '展项',
  'view.misconceptions': '易错题',
  'view.trend': '测验逐月变化',
  'report.title': '年度科普统计（场馆）',
  'report.year': '年份',
  'report.csv': '下载 CSV',
  'report.total': '合计（{n} 个馆）',
  'report.note': '讲座等科普活动、班级活动、发放护照数和人员请看各馆自己的年度报表（这些数据不转发到区里）。',
  loading: '正在加载…',
  empty: '这段时间没有数据。',
  error: '出错了：{reason}',
  minutes: '{n} 分钟',
  notClassLists: '区里没有各馆的班级名单，所以这里不按学校、年级或班级筛选。',
} as const
export type DistrictKey = keyof typeof zh
const en: Record<DistrictKey, string> = {
  title: 'District statistics',
  intro:
    'Visits, exhibits and misconceptions of every center in the district, from what each center forwards. Filter by center, and compare centers side by side.',
  'signin.title': 'District admin sign-in',
  'signin.user': 'Username',
  'signin.password': 'Password',
  'signin.submit': 'Sign in',
  'signin.failed': 'Wrong username or password.',
  'signin.offline': 'Cannot reach the district server; try again later.',
  signout: 'Sign out',
  'filter.center': 'Center',
  'filter.all': 'All centers',
  'filter.from': 'From',
  'filter.to': 'To',
  'filter.bucket': 'By',
  'bucket.day': 'day',
  'bucket.week': 'week',
  'bucket.month': 'month',
  'view.centers': 'Centers compared',
  'view.visits': 'Visits',
  'view.exhibits': 'Exhibits',
  'view.misconceptions': 'Misconceptions',
  'view.trend': 'Quiz answers month by month',
  'report.title': 'Yearly science-popularisation statistics (venues)',
  'report.year': 'Year',
  'report.csv': 'Download CSV',
  'report.total': 'Total ({n} centers)',
  'report.note':
    "Lectures and other activities, class sessions, passports issued and staff are in each center's own yearly report (they are not forwarded to the district).",
  loading: 'Loading…',
  empty: 'No data for this period.',
  error: 'Something went wrong: {reason}',
  minutes: '{n} min',
  notClassLists: "The district holds no center's class lists, so there is no school, grade or class filter here.",
}

export function useDistrictT() {
  const lang = useLangStore((s) => s.lang)
  const table = lang === 'en' ? en : zh
  return (key: DistrictKey, vars: Record<string, string | number> = {}) => interpolate(table[key], vars)
}
