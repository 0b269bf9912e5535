# Compiles the module's C# sources once per source hash and PowerShell edition, caches the
# assembly, and imports its cmdlets. Nothing else happens here: the cmdlets are C# classes.
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

$sourceRoot = Join-Path $PSScriptRoot 'src'
$sources = @(Get-ChildItem -Path $sourceRoot -Filter '*.cs' -Recurse | Sort-Object FullName)
$edition = if ($PSVersionTable.ContainsKey('PSEdition')) { $PSVersionTable.PSEdition } else { 'Desktop' }

# Assemblies the sources compile against; the names differ between the two editions.
$references = if ($edition -eq 'Core') {
    @('System.Management.Automation', 'System.Runtime', 'System.Collections', 'System.Net.Http',
      'System.Net.Primitives', 'System.Runtime.Serialization', 'System.Runtime.Serialization.Json',
      'System.Runtime.Serialization.Primitives', 'System.Runtime.Serialization.Xml', 'System.Xml.ReaderWriter',
      'System.ComponentModel.Primitives', 'System.Diagnostics.Process',
      'System.Security.Cryptography', 'System.Threading', 'System.Threading.Thread', 'System.Linq.Expressions',
      'System.Collections.Specialized', 'System.ObjectModel', 'System.Console')
} else {
    @('System.Management.Automation', 'System.Runtime.Serialization', 'System.Xml', 'System.Net.Http')
}

function Get-MsolSourceHash {
    $sha = [System.Security.Cryptography.SHA256]::Create()
    try {
        $stream = New-Object System.IO.MemoryStream
        foreach ($file in $sources) {
            $name = [System.Text.Encoding]::UTF8.GetBytes($file.FullName.Substring($sourceRoot.Length))
            $stream.Write($name, 0, $name.Length)
            $bytes = [System.IO.File]::ReadAllBytes($file.FullName)
            $stream.Write($bytes, 0, $bytes.Length)
        }
        $stream.Position = 0
        return ([System.BitConverter]::ToString($sha.ComputeHash($stream)) -replace '-', '').Substring(0, 16).ToLowerInvariant()
    } finally {
        $sha.Dispose()
    }
}

function Get-MsolCacheRoot {
    if ($env:MSOL_BRIDGE_MODULE_CACHE) { return $env:MSOL_BRIDGE_MODULE_CACHE }
    $base = if ($env:LOCALAPPDATA) { $env:LOCALAPPDATA }
            elseif ($env:XDG_CACHE_HOME) { $env:XDG_CACHE_HOME }
            elseif ($env:HOME) { Join-Path $env:HOME '.cache' }
            else { [System.IO.Path]::GetTempPath() }
    return (Join-Path (Join-Path $base 'msol-bridge') 'module')
}

$assemblyName = 'Microsoft.Online.Administration.Automation.PSModule'
$cacheFolder = Join-Path (Get-MsolCacheRoot) ("{0}-{1}-{2}" -f (Get-MsolSourceHash), $edition, $PSVersionTable.PSVersion.Major)
$assemblyPath = Join-Path $cacheFolder "$assemblyName.dll"

if (-not (Test-Path -LiteralPath $assemblyPath)) {
    $null = New-Item -ItemType Directory -Path $cacheFolder -Force
    # A failed compile can leave a broken file behind: compile to a private name, then move it in place.
    $partial = Join-Path $cacheFolder ("{0}.{1}.partial" -f $assemblyName, [System.Guid]::NewGuid().ToString('n'))
    try {
        Add-Type -Path ($sources | ForEach-Object { $_.FullName }) -ReferencedAssemblies $references `
            -CompilerOptions '/langversion:5' -OutputAssembly $partial -OutputType Library -WarningAction SilentlyContinue
        try {
            Move-Item -LiteralPath $partial -Destination $assemblyPath -ErrorAction Stop
        } catch {
            # Another session compiled the same sources first: theirs is identical.
            if (-not (Test-Path -LiteralPath $assemblyPath)) { throw }
        }
    } finally {
        Remove-Item -LiteralPath $partial -ErrorAction SilentlyContinue
    }
}

$binary = Import-Module -Name $assemblyPath -PassThru
[Microsoft.Online.Administration.Automation.BridgeSession]::ModuleRoot = $PSScriptRoot

# Get-Help reads MAML beside the assembly, under the culture's folder; it is written from the help data.
$helpData = Join-Path $PSScriptRoot 'en-US/MSOnline.Help.psd1'
$helpFile = Join-Path $cacheFolder "en-US/$assemblyName.dll-Help.xml"
if (-not (Test-Path -LiteralPath $helpFile) -or (Get-Item -LiteralPath $helpFile).LastWriteTimeUtc -lt (Get-Item -LiteralPath $helpData).LastWriteTimeUtc) {
    . (Join-Path $PSScriptRoot 'MSOnline.Help.ps1')
    Write-MsolHelp -DataPath $helpData -OutputPath $helpFile -Module $binary
}

# The bridge process belongs to this session: stop it when the module goes away.
$ExecutionContext.SessionState.Module.OnRemove = {
    [Microsoft.Online.Administration.Automation.BridgeSession]::Disconnect()
}

Export-ModuleMember -Cmdlet ([string[]]$binary.ExportedCmdlets.Keys)
