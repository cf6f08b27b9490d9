import type { InputHTMLAttributes } from 'react'

/**
 * The passport-code field, at a station and on the guide page: no autocomplete, autocorrect or
 * spell-check on a code, capitals on touch keyboards, room for the printed dash and spaces.
 */
export function CodeInput(props: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & { value: string; onChange(value: string): void }) {
  const { onChange, ...rest } = props
  return (
    <input
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      maxLength={16}
      placeholder="K7QM2-XHD9W"
      {...rest}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}
