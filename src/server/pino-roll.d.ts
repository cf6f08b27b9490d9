// pino-roll 4 ships no types; this is the part the server uses (see its README).
declare module 'pino-roll' {
  import type { SonicBoom, SonicBoomOpts } from 'sonic-boom'
  interface PinoRollOptions extends Omit<SonicBoomOpts, 'dest'> {
    file: string
    size?: string | number
    frequency?: 'daily' | 'hourly' | number
    extension?: string
    limit?: { count?: number; removeOtherLogFiles?: boolean }
    symlink?: boolean
    dateFormat?: string
  }
  export default function build(options: PinoRollOptions): Promise<SonicBoom>
}
