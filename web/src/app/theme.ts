import type { ThemeConfig } from 'antd';

export const PARTY_RED = '#b71c1c';

/** Readable defaults: officers work long hours in it, and many users are not young. */
export const baseTheme: ThemeConfig = {
  token: {
    colorPrimary: PARTY_RED,
    colorLink: '#8e1414',
    fontSize: 15,
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif",
  },
  components: {
    Layout: { headerBg: PARTY_RED, headerPadding: '0 16px', headerHeight: 56 },
  },
};

/** For a member reading their own record: large text, generous spacing. */
export const largeTheme: ThemeConfig = {
  token: { fontSize: 19, fontSizeLG: 21, fontSizeHeading3: 26, fontSizeHeading2: 30, lineHeight: 1.6 },
  components: { Tag: { fontSizeSM: 16 }, Card: { headerFontSize: 22 } },
};
