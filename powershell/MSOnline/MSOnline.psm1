# Imports the module's cmdlets from its assembly: the one a package ships (lib/, compiled when it
# was packaged), or else one compiled from the C# sources once per source hash and PowerShell
# edition and cached. Nothing else happens here: the cmdlets are C# classes.
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

$sourceRoot = Join-Path $PSScriptRoot 'src'
$edition = if ($PSVersionTable.ContainsKey('PSEdition')) { $PSVersionTable.PSEdition } else { 'Desktop' }

# Assemblies the sources compile against; the names differ between the two editions.
$references = if ($edition -eq 'Core') {
    @('System.Management.Automation', 'System.Runtime', 'System.Collections', 'System.Net.Sockets', 'Microsoft.Win32.Primitives',
      'System.Net.Primitives', 'System.Runtime.Serialization', 'System.Runtime.Serialization.Json',
      'System.Runtime.Serialization.Primitives', 'System.Runtime.Serialization.Xml', 'System.Xml.ReaderWriter',
      'System.ComponentModel.Primitives', 'System.Diagnostics.Process',
      'System.Security.Cryptography', 'System.Threading', 'System.Threading.Thread', 'System.Linq.Expressions',
      'System.Collections.Specialized', 'System.ObjectModel', 'System.Console')
} else {
    @('System.Management.Automation', 'System.Runtime.Serialization', 'System.Xml', 'System.Net.Http')
}

function Get-MsolSourceHash {
    param([System.IO.FileInfo[]] $Sources)
    $sha = [System.Security.Cryptography.SHA256]::Create()
    try {
        $stream = New-Object System.IO.MemoryStream
        foreach ($file in $Sources) {
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

# The per-user cache folder, or $null when this user has none (no LOCALAPPDATA, XDG_CACHE_HOME or HOME).
# Never a shared folder: another user who could write there would decide what runs in this session.
function Get-MsolCacheRoot {
    if ($env:MSOL_BRIDGE_MODULE_CACHE) { return $env:MSOL_BRIDGE_MODULE_CACHE }
    $base = if ($env:LOCALAPPDATA) { $env:LOCALAPPDATA }
            elseif ($env:XDG_CACHE_HOME) { $env:XDG_CACHE_HOME }
            elseif ($env:HOME) { Join-Path $env:HOME '.cache' }
            else { return $null }
    return (Join-Path (Join-Path $base 'msol-bridge') 'module')
}

$isWindowsHost = [System.IO.Path]::DirectorySeparatorChar -eq '\'
# This user's id (SID or uid), found when first needed: `id -u` is a process start, which a
# packaged module's import never needs.
$script:currentUser = $null
function Get-MsolCurrentUserId {
    if ($null -eq $script:currentUser) {
        $script:currentUser = if ($isWindowsHost) { [System.Security.Principal.WindowsIdentity]::GetCurrent().User.Value } else { [string](& id -u) }
    }
    return $script:currentUser
}

# Why this user must not trust a file or folder, or $null. Unix: a folder from the cache root down
# (and the file) must be owned by this user and not writable by group or others, and no symbolic
# link; every folder above must be owned by this user or root and, unless sticky, not writable by
# group or others (as OpenSSH checks its key paths). Windows: the owner is this user (or, for an
# administrator, Administrators), and no allow rule grants write to anyone but this user, SYSTEM
# and Administrators.
function Get-MsolDistrust {
    param([string] $Path, [string] $CacheRoot, [int] $Depth = 0)
    $full = [System.IO.Path]::GetFullPath($Path).TrimEnd([char[]]@('/', '\'))
    $currentUserId = Get-MsolCurrentUserId
    if ($isWindowsHost) {
        return Get-MsolWindowsDistrust -Path $full -CacheRoot ([System.IO.Path]::GetFullPath($CacheRoot).TrimEnd('\'))
    }
    # Without a cache root (a link's target above it), nothing is held to the strict rule.
    $rootLength = if ($CacheRoot) { [System.IO.Path]::GetFullPath($CacheRoot).TrimEnd('/').Length } else { [int]::MaxValue }
    $current = $full
    while ($current) {
        $item = Get-Item -LiteralPath $current -Force -ErrorAction SilentlyContinue
        if (-not $item) { return "$current cannot be read" }
        $strict = $current.Length -ge $rootLength
        if ($item.LinkType) {
            if ($strict) { return "$current is a symbolic link" }
            if ($Depth -ge 8) { return "$current leads through too many symbolic links" }
            $reason = Get-MsolDistrust -Path $item.ResolvedTarget -CacheRoot $null -Depth ($Depth + 1)
            if ($reason) { return $reason }
        }
        $stat = $item.UnixStat
        $owner = [string]$stat.UserId
        $groupOrOthersWrite = ($stat.Mode -band 18) -ne 0
        if ($strict) {
            if ($owner -ne $currentUserId) { return "$current belongs to another user (uid $owner)" }
            if ($groupOrOthersWrite) { return "$current can be written by other users (mode $($item.UnixMode))" }
        } else {
            if ($owner -ne $currentUserId -and $owner -ne '0') { return "$current belongs to another user (uid $owner)" }
            if ($groupOrOthersWrite -and -not $stat.IsSticky) { return "$current can be written by other users (mode $($item.UnixMode))" }
        }
        $parent = [System.IO.Path]::GetDirectoryName($current)
        if ($parent -eq $current) { break }
        $current = $parent
    }
    return $null
}

function Get-MsolWindowsDistrust {
    param([string] $Path, [string] $CacheRoot)
    $sid = [System.Security.Principal.SecurityIdentifier]
    $currentUserId = Get-MsolCurrentUserId
    $trusted = @($currentUserId, 'S-1-5-18', 'S-1-5-32-544')
    $writeRights = [System.Security.AccessControl.FileSystemRights]'WriteData, AppendData, WriteExtendedAttributes, WriteAttributes, Delete, DeleteSubdirectoriesAndFiles, ChangePermissions, TakeOwnership'
    $current = $Path
    while ($current.Length -ge $CacheRoot.Length) {
        $item = Get-Item -LiteralPath $current -Force -ErrorAction SilentlyContinue
        if (-not $item) { return "$current cannot be read" }
        if ($item.Attributes -band [System.IO.FileAttributes]::ReparsePoint) { return "$current is a link" }
        $acl = Get-Acl -LiteralPath $current
        $owner = $acl.GetOwner($sid).Value
        if ($owner -ne $currentUserId -and $owner -ne 'S-1-5-32-544') { return "$current belongs to another user ($owner)" }
        foreach ($rule in $acl.GetAccessRules($true, $true, $sid)) {
            if ($rule.AccessControlType -ne 'Allow' -or ($rule.FileSystemRights -band $writeRights) -eq 0) { continue }
            if ($trusted -notcontains $rule.IdentityReference.Value) { return "$current can be written by $($rule.IdentityReference.Value)" }
        }
        $parent = [System.IO.Path]::GetDirectoryName($current)
        if (-not $parent -or $parent -eq $current) { break }
        $current = $parent
    }
    return $null
}

# Creates the missing folders of $Path (from its cache root down) readable and writable by this user only.
function New-MsolPrivateFolder {
    param([string] $Path)
    if (Test-Path -LiteralPath $Path) { return }
    $parent = [System.IO.Path]::GetDirectoryName($Path)
    if ($parent -and -not (Test-Path -LiteralPath $parent)) { New-MsolPrivateFolder -Path $parent }
    if ($isWindowsHost) {
        $null = [System.IO.Directory]::CreateDirectory($Path)
        $acl = New-Object System.Security.AccessControl.DirectorySecurity
        $user = New-Object System.Security.Principal.SecurityIdentifier (Get-MsolCurrentUserId)
        $acl.SetOwner($user)
        $acl.SetAccessRuleProtection($true, $false)
        $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule $user, 'FullControl', 'ContainerInherit, ObjectInherit', 'None', 'Allow'))
        Set-Acl -LiteralPath $Path -AclObject $acl
    } else {
        # 0700: the mode is given at creation, so the folder is never open to others.
        $null = [System.IO.Directory]::CreateDirectory($Path, [System.IO.UnixFileMode]448)
    }
}

# A folder no one else can write, made for this import alone (removed with the module).
function New-MsolTemporaryFolder {
    $path = Join-Path ([System.IO.Path]::GetTempPath()) ('msol-bridge-module-' + [System.Guid]::NewGuid().ToString('n'))
    New-MsolPrivateFolder -Path $path
    $reason = Get-MsolDistrust -Path $path -CacheRoot $path
    if ($reason) { throw "Cannot make a private folder to compile the MSOnline module into: $reason." }
    return $path
}

# The package's platforms (bin/<runtime id>/) that can run here, best first. An x64 binary also
# runs on arm64 Windows and macOS, emulated.
function Get-MsolRuntimeIds {
    if ($isWindowsHost) {
        $architecture = if ($env:PROCESSOR_ARCHITEW6432) { $env:PROCESSOR_ARCHITEW6432 } else { $env:PROCESSOR_ARCHITECTURE }
        if ($architecture -eq 'ARM64') { return @('win-arm64', 'win-x64') }
        return @('win-x64')
    }
    $os = if ($IsMacOS) { 'osx' } else { 'linux' }
    $architecture = [System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture.ToString().ToLowerInvariant()
    if ($architecture -eq 'arm64') {
        if ($os -eq 'osx') { return @('osx-arm64', 'osx-x64') }
        return @('linux-arm64')
    }
    return @("$os-$architecture")
}

# A nupkg is a zip, and Install-Module unpacks it without file modes: on Linux and macOS the
# package's binary arrives without its executable bit. It is restored on a file this user owns;
# anyone else's is left alone, with the command that fixes it.
function Repair-MsolBundledBinary {
    param([string[]] $RuntimeIds)
    if ($isWindowsHost) { return }
    foreach ($runtimeId in $RuntimeIds) {
        $path = Join-Path (Join-Path (Join-Path $PSScriptRoot 'bin') $runtimeId) 'msol-bridge'
        $item = Get-Item -LiteralPath $path -Force -ErrorAction SilentlyContinue
        if (-not $item) { continue }
        $mode = [int]$item.UnixStat.Mode
        if (($mode -band 64) -ne 0) { return }
        if ([string]$item.UnixStat.UserId -eq (Get-MsolCurrentUserId)) {
            # Execute wherever read is allowed (u, g, o), as a freshly installed program has it.
            $executable = $mode -bor (($mode -band 292) -shr 2)
            [System.IO.File]::SetUnixFileMode($path, [System.IO.UnixFileMode]($executable -band 4095))
        } else {
            Write-Warning "MSOnline: the msol-bridge program $path is not executable and belongs to another user, so Connect-MsolService cannot start it. Run: sudo chmod a+x '$path'"
        }
        return
    }
}

$assemblyName = 'Microsoft.Online.Administration.Automation.PSModule'
# A package's own assembly is as trusted as this file beside it: whoever could replace one could
# replace the other. It comes with its help and list views, so nothing is written here.
$shippedFolder = Join-Path $PSScriptRoot 'lib'
$shipped = Test-Path -LiteralPath (Join-Path $shippedFolder "$assemblyName.dll")
$temporaryFolder = $null
$cacheFolder = $null
if ($shipped) {
    $cacheFolder = $shippedFolder
} else {
    $sources = @(Get-ChildItem -Path $sourceRoot -Filter '*.cs' -Recurse | Sort-Object FullName)
    $cacheRoot = Get-MsolCacheRoot
    if ($cacheRoot) {
        $cacheFolder = Join-Path $cacheRoot ("{0}-{1}-{2}" -f (Get-MsolSourceHash -Sources $sources), $edition, $PSVersionTable.PSVersion.Major)
        try {
            New-MsolPrivateFolder -Path $cacheFolder
            $reason = Get-MsolDistrust -Path $cacheFolder -CacheRoot $cacheRoot
        } catch {
            $reason = "it cannot be made ($($_.Exception.Message))"
        }
        if (-not $reason) {
            $cached = Join-Path $cacheFolder "$assemblyName.dll"
            if (Test-Path -LiteralPath $cached) { $reason = Get-MsolDistrust -Path $cached -CacheRoot $cacheRoot }
        }
        if ($reason) {
            Write-Warning "MSOnline: the module cache $cacheFolder is not used, because $reason. The module is compiled afresh into a private temporary folder. Remove the cache folder, or set MSOL_BRIDGE_MODULE_CACHE to a folder only you can write."
            $cacheFolder = $null
        }
    }
    if (-not $cacheFolder) {
        $temporaryFolder = New-MsolTemporaryFolder
        $cacheFolder = $temporaryFolder
    }
}
$assemblyPath = Join-Path $cacheFolder "$assemblyName.dll"

if (-not (Test-Path -LiteralPath $assemblyPath)) {
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
$runtimeIds = @(Get-MsolRuntimeIds)
[Microsoft.Online.Administration.Automation.BridgeSession]::RuntimeIds = [string[]]$runtimeIds
Repair-MsolBundledBinary -RuntimeIds $runtimeIds

# Get-Help reads MAML beside the assembly, under the culture's folder; it is written from the help data.
$helpData = Join-Path $PSScriptRoot 'en-US/MSOnline.Help.psd1'
$helpFile = Join-Path $cacheFolder "en-US/$assemblyName.dll-Help.xml"
if (-not (Test-Path -LiteralPath $helpFile) -or (-not $shipped -and (Get-Item -LiteralPath $helpFile).LastWriteTimeUtc -lt (Get-Item -LiteralPath $helpData).LastWriteTimeUtc)) {
    . (Join-Path $PSScriptRoot 'MSOnline.Help.ps1')
    Write-MsolHelp -DataPath $helpData -OutputPath $helpFile -Module $binary
}

# List views (what Format-List shows) for every data type, written from the types themselves:
# every property, as the default list would show it, with text through ConsoleText.Show so that
# control characters in tenant data never reach the console raw.
$listFormat = Join-Path $cacheFolder 'MSOnline.Lists.Format.ps1xml'
if (-not (Test-Path -LiteralPath $listFormat)) {
    $views = New-Object System.Text.StringBuilder
    $dataTypes = $binary.ImplementingAssembly.GetExportedTypes() | Where-Object {
        $_.Namespace -eq 'Microsoft.Online.Administration' -and $_.IsClass -and -not $_.IsAbstract -and $_.GetConstructor([type[]]@())
    }
    foreach ($type in $dataTypes) {
        $names = @(([System.Activator]::CreateInstance($type)).PSObject.Properties | ForEach-Object { $_.Name })
        $null = $views.Append("<View><Name>$($type.FullName).List</Name><ViewSelectedBy><TypeName>$($type.FullName)</TypeName></ViewSelectedBy><ListControl><ListEntries><ListEntry><ListItems>")
        foreach ($name in $names) {
            $null = $views.Append("<ListItem><Label>$name</Label><ScriptBlock>[Microsoft.Online.Administration.Automation.ConsoleText]::Show(`$_.'$name', `$FormatEnumerationLimit)</ScriptBlock></ListItem>")
        }
        $null = $views.Append('</ListItems></ListEntry></ListEntries></ListControl></View>')
    }
    $partialFormat = "$listFormat.$([System.Guid]::NewGuid().ToString('n')).partial"
    [System.IO.File]::WriteAllText($partialFormat, "<?xml version=""1.0"" encoding=""utf-8""?><Configuration><ViewDefinitions>$views</ViewDefinitions></Configuration>")
    try { Move-Item -LiteralPath $partialFormat -Destination $listFormat -ErrorAction Stop } catch { if (-not (Test-Path -LiteralPath $listFormat)) { throw } }
    finally { Remove-Item -LiteralPath $partialFormat -ErrorAction SilentlyContinue }
}
# A package's manifest names its list views after the table views (the package writes them so),
# and PowerShell loads both in that order. Otherwise the table views stay first for their types
# however often the module is imported (-Force puts the manifest's format file after list views
# loaded before), so they are put in front again.
if (-not $shipped) {
    Update-FormatData -PrependPath (Join-Path $PSScriptRoot 'MSOnline.Format.ps1xml') -AppendPath $listFormat
}

# The bridge process belongs to this session: stop it when the module goes away.
$ExecutionContext.SessionState.Module.OnRemove = {
    [Microsoft.Online.Administration.Automation.BridgeSession]::Disconnect()
    # On Windows the loaded assembly cannot be deleted; the temporary folder then stays until cleaned.
    if ($temporaryFolder) { Remove-Item -LiteralPath $temporaryFolder -Recurse -Force -ErrorAction SilentlyContinue }
}

Export-ModuleMember -Cmdlet ([string[]]$binary.ExportedCmdlets.Keys)
