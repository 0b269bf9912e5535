# Shared by the Pester files: a fresh local tenant per file, connected through the real bridge.

function New-TestTenant {
    param([string] $Kind = 'demo', [string] $Folder = $TestDrive)
    $path = Join-Path $Folder ("tenant-{0}.db" -f [guid]::NewGuid().ToString('n'))
    $output = & $env:MSOL_BRIDGE_EXE tenant $Kind --tenant $path 2>&1
    if ($LASTEXITCODE -ne 0) { throw "msol-bridge tenant $Kind failed: $output" }
    return $path
}

function Connect-TestTenant {
    param([string] $Kind = 'demo')
    $path = New-TestTenant -Kind $Kind
    Connect-MsolService -LocalTenant $path
    return $path
}

# Runs a script file in a separate pwsh, as a user or a runbook would, and returns its output and exit code.
function Invoke-ScriptInPwsh {
    param([string] $Path, [hashtable] $Environment = @{})
    $pwsh = (Get-Process -Id $PID).Path
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    try {
        $output = & $pwsh -NoProfile -NonInteractive -File $Path 2>&1 | ForEach-Object { "$_" }
        return [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output -join [Environment]::NewLine) }
    } finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}

Export-ModuleMember -Function New-TestTenant, Connect-TestTenant, Invoke-ScriptInPwsh
