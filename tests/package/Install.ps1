# The install test's pwsh half (tests/package.rs runs it as a fresh user, from a neutral folder,
# with no MSOL_BRIDGE_EXE and no PSModulePath of ours): install the package from a file-system
# repository as an admin would, then use it in new sessions.
param(
    [Parameter(Mandatory = $true)] [string] $Repository,
    [Parameter(Mandatory = $true)] [string] $RuntimeId,
    [string] $RepositoryName = 'MsolBridgeTest',
    # Only Install-Module: Windows PowerShell 5.1 has no PSResourceGet, and on Windows the second
    # user (another HOME) does not move the Documents folder modules install into.
    [switch] $PowerShellGetOnly
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

function Invoke-FreshPwsh([string] $Command) {
    $output = & ([System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName) -NoProfile -NonInteractive -Command $Command 2>&1
    $output | ForEach-Object { Write-Host "  | $_" }
    if ($LASTEXITCODE -ne 0) { throw "a fresh pwsh failed ($LASTEXITCODE) running: $Command" }
    return $output
}

Write-Host 'Install-Module MSOnline from a file-system repository (PowerShellGet)'
Register-PSRepository -Name $RepositoryName -SourceLocation $Repository -InstallationPolicy Trusted
Install-Module MSOnline -Repository $RepositoryName -Scope CurrentUser
$installed = @(Get-Module -ListAvailable MSOnline)
if ($installed.Count -ne 1) { throw "expected one installed MSOnline, found $($installed.Count)" }
$moduleBase = $installed[0].ModuleBase
if (-not $moduleBase.StartsWith($HOME)) { throw "MSOnline was installed in $moduleBase, not under this user's home" }

# Zip extraction may leave the binary without its executable bit (measured with Install-Module on
# Linux and macOS): the module must restore it on a file this user owns.
$binary = Join-Path $moduleBase "bin/$RuntimeId/msol-bridge"
if ($RuntimeId -notlike 'win-*') {
    & chmod a-x $binary
    if ($LASTEXITCODE -ne 0) { throw "chmod a-x $binary failed" }
}

Write-Host 'Import-Module MSOnline; Connect-MsolService; Get-MsolUser -MaxResults 5, in a fresh session'
$users = Invoke-FreshPwsh @'
$ErrorActionPreference = 'Stop'
Import-Module MSOnline
Connect-MsolService -WarningAction SilentlyContinue
@(Get-MsolUser -MaxResults 5 -WarningAction SilentlyContinue) | ForEach-Object { "USER $($_.UserPrincipalName)" }
"BASE $((Get-Module MSOnline).ModuleBase)"
'@
if (@($users | Where-Object { "$_" -like 'USER *@*' }).Count -ne 5) { throw 'Get-MsolUser -MaxResults 5 did not return 5 users' }
if (-not ($users -contains "BASE $moduleBase")) { throw "the session did not load the installed module from $moduleBase" }
$cacheBase = if ($env:LOCALAPPDATA) { $env:LOCALAPPDATA } elseif ($env:XDG_CACHE_HOME) { $env:XDG_CACHE_HOME } else { Join-Path $HOME '.cache' }
$cache = Join-Path $cacheBase 'msol-bridge/module'
if (Test-Path -LiteralPath $cache) { throw "the installed module compiled C# into ${cache}; it should load the package's assembly" }
if ($RuntimeId -notlike 'win-*' -and ((Get-Item -LiteralPath $binary).UnixStat.Mode -band 64) -eq 0) { throw "$binary is still not executable" }

Write-Host "A script that pins MSOnline's last version (1.1.183) loads the installed module"
$pinned = Join-Path (Get-Location) 'Pinned.ps1'
Set-Content -LiteralPath $pinned -Value @'
#Requires -Modules @{ ModuleName = 'MSOnline'; ModuleVersion = '1.1.183' }
Import-Module -FullyQualifiedName @{ ModuleName = 'MSOnline'; ModuleVersion = '1.1.183' }
"PINNED $((Get-Module MSOnline).Version)"
'@
$pinnedOutput = Invoke-FreshPwsh "& '$pinned'"
if (-not ($pinnedOutput -contains 'PINNED 1.1.183.81')) { throw 'the pinned script did not load MSOnline 1.1.183.81' }

if ($PowerShellGetOnly) {
    Write-Host 'The package installs and works (Install-PSResource not tried: -PowerShellGetOnly).'
    return
}
Write-Host 'Install-PSResource MSOnline from the same repository (PSResourceGet), for another user'
$otherHome = Join-Path (Split-Path $HOME) 'other-home'
$null = New-Item -ItemType Directory -Path $otherHome -Force
$env:HOME = $otherHome
$resource = Invoke-FreshPwsh @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name MsolBridgeTest -Uri '$Repository' -Trusted
Install-PSResource MSOnline -Repository MsolBridgeTest -Scope CurrentUser -TrustRepository
Import-Module MSOnline
"COMMANDS `$(@(Get-Command -Module MSOnline).Count) FROM `$((Get-Module MSOnline).ModuleBase)"
"@
if (-not (@($resource | Where-Object { "$_" -like "COMMANDS * FROM $otherHome*" }).Count)) { throw 'Install-PSResource did not install a module that imports' }
Write-Host 'The package installs and works.'
