# One phase of benches/graph_pipeline.rs, which starts the Graph simulator and reads its counters:
#   Report  an MFA status report of every user to CSV, as old scripts write it
#   Enable  per-user MFA for every user through a pipeline, as old scripts do it
# Prints one JSON line: the phase's time and its bridge's CPU time (the harness samples its memory).
param(
    [Parameter(Mandatory)] [ValidateSet('Report', 'Enable')] [string] $Phase,
    [Parameter(Mandatory)] [string] $ReportPath
)
$ErrorActionPreference = 'Continue'
Import-Module MSOnline
Connect-MsolService -WarningAction SilentlyContinue

# The bridge this session started, measured from after its sign-in.
$bridge = Get-Process -Name msol-bridge | Where-Object { $_.Parent.Id -eq $PID } | Select-Object -First 1
$cpuBefore = $bridge.TotalProcessorTime.TotalSeconds
$failures = @()

$clock = [System.Diagnostics.Stopwatch]::StartNew()
if ($Phase -eq 'Report') {
    Get-MsolUser -All | Select-Object UserPrincipalName, DisplayName,
        @{ Name = 'MfaState'; Expression = { if ($_.StrongAuthenticationRequirements.State) { $_.StrongAuthenticationRequirements.State } else { 'Disabled' } } },
        @{ Name = 'DefaultMethod'; Expression = { ($_.StrongAuthenticationMethods | Where-Object IsDefault).MethodType } },
        @{ Name = 'Methods'; Expression = { $_.StrongAuthenticationMethods.MethodType -join ', ' } },
        @{ Name = 'MfaPhone'; Expression = { $_.StrongAuthenticationUserDetails.PhoneNumber } } |
        Export-Csv -Path $ReportPath -NoTypeInformation
    $objects = @(Import-Csv -Path $ReportPath).Count
} else {
    $requirement = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationRequirement
    $requirement.RelyingParty = '*'
    $requirement.State = 'Enabled'
    Get-MsolUser -All | Set-MsolUser -StrongAuthenticationRequirements $requirement -ErrorVariable failures -ErrorAction SilentlyContinue
    $objects = $null
}
$seconds = $clock.Elapsed.TotalSeconds

$bridge.Refresh()
[pscustomobject]@{
    Seconds = $seconds
    Objects = $objects
    Errors = $failures.Count
    FirstError = if ($failures.Count) { "$($failures[0])" } else { $null }
    BridgeCpuSeconds = $bridge.TotalProcessorTime.TotalSeconds - $cpuBefore
} | ConvertTo-Json -Compress
