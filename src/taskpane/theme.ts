/**
 * The Office theme → a Fluent theme. Office gives the pane's colours (`Office.context.officeTheme`,
 * ExcelApi-independent, available on Windows, Mac and the web); a dark body background means the
 * user runs Office in a dark theme ("Negro" / "Gris oscuro"), so the pane goes dark too.
 */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** Relative luminance (WCAG) of `#RRGGBB` / `RRGGBB`; `null` when it is no such colour. */
export function luminance(color: string | undefined | null): number | null {
  if (!color) return null;
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const channel = (i: number) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** True when Office paints the pane's body dark (luminance under the midpoint). */
export function isDarkOfficeTheme(theme: { readonly bodyBackgroundColor?: string } | null | undefined): boolean {
  const l = luminance(theme?.bodyBackgroundColor);
  return l !== null && l < 0.18;
}

export function fluentThemeFor(theme: { readonly bodyBackgroundColor?: string } | null | undefined): { theme: Theme; dark: boolean } {
  const dark = isDarkOfficeTheme(theme);
  return { theme: dark ? webDarkTheme : webLightTheme, dark };
}
