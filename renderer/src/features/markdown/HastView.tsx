import { memo } from 'react';
import type { Root } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';

/**
 * hast as React elements, with react-markdown's settings: our components for links, images,
 * tables and code; KaTeX's inline styles become style objects (set through the CSSOM, which the
 * CSP allows, unlike style attributes in parsed HTML). Memoized on the tree: a finished block's
 * tree never changes, so it renders once.
 */
export const HastView = memo(function HastView({ tree, components }: { tree: Root; components: Partial<Components> }) {
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, components, ignoreInvalidStyle: true, passKeys: true, passNode: true });
});
