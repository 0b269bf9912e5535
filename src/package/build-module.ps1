# Part of `msol-bridge package`: compiles the MSOnline module's C# once, with the Roslyn that pwsh
# ships, as C# 5 against .NET Framework 4.5 reference assemblies and the PowerShell 5.1 API, so
# that one assembly loads in Windows PowerShell 5.1 and in PowerShell 7. Then imports the staged
# module here (PowerShell 7), which proves that half and writes its help and list views beside
# the assembly. Prints the manifest's data as one JSON line.
param(
    [Parameter(Mandatory)] [string] $Source,
    [Parameter(Mandatory)] [string] $Staged,
    [Parameter(Mandatory)] [string[]] $ReferenceAssemblies
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

$assemblyName = 'Microsoft.Online.Administration.Automation.PSModule'
$files = @(Get-ChildItem -LiteralPath (Join-Path $Source 'src') -Recurse -Filter '*.cs' -File | Sort-Object FullName)
if (-not $files) { throw "no C# sources under $(Join-Path $Source 'src')" }
$parse = [Microsoft.CodeAnalysis.CSharp.CSharpParseOptions]::new([Microsoft.CodeAnalysis.CSharp.LanguageVersion]::CSharp5)
$trees = [System.Collections.Generic.List[Microsoft.CodeAnalysis.SyntaxTree]]::new()
foreach ($file in $files) {
    $text = [System.IO.File]::ReadAllText($file.FullName)
    $trees.Add([Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree]::ParseText($text, $parse, $file.FullName, [System.Text.Encoding]::UTF8, [System.Threading.CancellationToken]::None))
}
$references = [System.Collections.Generic.List[Microsoft.CodeAnalysis.MetadataReference]]::new()
foreach ($folder in $ReferenceAssemblies) {
    foreach ($dll in Get-ChildItem -LiteralPath $folder -Filter '*.dll' -File) {
        $references.Add([Microsoft.CodeAnalysis.MetadataReference]::CreateFromFile($dll.FullName))
    }
}
$options = [Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions]::new([Microsoft.CodeAnalysis.OutputKind]::DynamicallyLinkedLibrary)
$options = $options.WithOptimizationLevel([Microsoft.CodeAnalysis.OptimizationLevel]::Release).WithDeterministic($true)
$compilation = [Microsoft.CodeAnalysis.CSharp.CSharpCompilation]::Create($assemblyName, $trees, $references, $options)

$lib = Join-Path $Staged 'lib'
$null = New-Item -ItemType Directory -Path $lib -Force
$output = Join-Path $lib "$assemblyName.dll"
$stream = [System.IO.File]::Create($output)
try { $result = $compilation.Emit($stream) } finally { $stream.Dispose() }
if (-not $result.Success) {
    Remove-Item -LiteralPath $output
    $errors = @($result.Diagnostics | Where-Object Severity -eq ([Microsoft.CodeAnalysis.DiagnosticSeverity]::Error))
    foreach ($diagnostic in $errors) { [Console]::Error.WriteLine($diagnostic.ToString()) }
    throw "the module's C# did not compile for .NET Framework 4.5 ($($errors.Count) error(s) above)"
}

$manifest = Import-PowerShellDataFile -LiteralPath (Join-Path $Staged 'MSOnline.psd1')
$module = Import-Module -Name (Join-Path $Staged 'MSOnline.psd1') -PassThru -Force
$exported = @($module.ExportedCmdlets.Keys | Sort-Object)
$declared = @($manifest.CmdletsToExport | Sort-Object)
if (Compare-Object $exported $declared) {
    throw "the compiled module exports $($exported -join ', '), but its manifest declares $($declared -join ', ')"
}
foreach ($written in @("en-US/$assemblyName.dll-Help.xml", 'MSOnline.Lists.Format.ps1xml')) {
    if (-not (Test-Path -LiteralPath (Join-Path $lib $written))) { throw "importing the compiled module did not write lib/$written" }
}
Remove-Module MSOnline

# The package's manifest names the list views too, so that importing it loads every view at once
# (reloading format data after import costs a cold import a fifth of its time).
$manifestPath = Join-Path $Staged 'MSOnline.psd1'
$text = [System.IO.File]::ReadAllText($manifestPath)
$pattern = "FormatsToProcess(\s*)=(\s*)@\('MSOnline.Format.ps1xml'\)"
if ($text -notmatch $pattern) { throw "the manifest's FormatsToProcess is not @('MSOnline.Format.ps1xml'): the package cannot add its list views" }
$text = $text -replace $pattern, "FormatsToProcess`$1=`$2@('MSOnline.Format.ps1xml', 'lib/MSOnline.Lists.Format.ps1xml')"
[System.IO.File]::WriteAllText($manifestPath, $text)
$null = Test-ModuleManifest -Path $manifestPath

[ordered]@{
    ModuleVersion = [string]$manifest.ModuleVersion
    Author        = [string]$manifest.Author
    CompanyName   = [string]$manifest.CompanyName
    Copyright     = [string]$manifest.Copyright
    Description   = [string]$manifest.Description
    Guid          = [string]$manifest.GUID
    Tags          = @($manifest.PrivateData.PSData.Tags)
    Cmdlets       = $declared
    PowerShellVersion = [string]$manifest.PowerShellVersion
    CompatiblePSEditions = @($manifest.CompatiblePSEditions)
} | ConvertTo-Json -Compress -Depth 3
