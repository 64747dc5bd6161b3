# Copies vcruntime140.dll from the Visual C++ redistributable of this machine's Visual Studio into
# build/win/, from where electron-builder puts it beside Ferry.exe (see native-modules.mjs).
$ErrorActionPreference = 'Stop'
$vswhere = "${env:ProgramFiles(x86)}\Microsoft Visual Studio\Installer\vswhere.exe"
$dll = & $vswhere -latest -products * -find 'VC\Redist\MSVC\*\x64\Microsoft.VC*.CRT\vcruntime140.dll' | Select-Object -First 1
if (-not $dll) { throw 'vcruntime140.dll not found in the Visual C++ redistributable' }
New-Item -ItemType Directory -Force build/win | Out-Null
Copy-Item $dll build/win/vcruntime140.dll
Write-Output "build/win/vcruntime140.dll from $dll"
