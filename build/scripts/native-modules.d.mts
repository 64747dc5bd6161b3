export type TargetPlatform = 'linux' | 'darwin' | 'win32';
export type TargetArch = 'x64' | 'arm64';
export function requiredNativeFiles(platform: TargetPlatform, arch: TargetArch): string[];
export const WINDOWS_APP_LOCAL_DLLS: string[];
export function missingNativeFiles(target: { platform: TargetPlatform; arch: TargetArch; unpackedDir: string; exeDir: string }): string[];
