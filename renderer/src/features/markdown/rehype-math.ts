// The KaTeX step is pure and main's HTML export uses it too, so it lives in shared/.
export { KATEX_OPTIONS, rehypeMath } from '../../../../shared/rehype-math';
