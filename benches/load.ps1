# One load session for benches/load.rs: calls an already running bridge through the module's own
# client (proof, pooled connections) for $Seconds, alternating a user read and a user write, and
# prints one JSON line: {"Latencies": [microseconds...], "Errors": n}.
param([string] $Url, [string] $Secret, [int] $Seconds, [int] $Session, [int] $Users)
$ErrorActionPreference = 'Stop'
Import-Module MSOnline
$running = [Microsoft.Online.Administration.Automation.BridgeHttp+StoppedCheck] { $null }
$client = New-Object Microsoft.Online.Administration.Automation.BridgeClient $Url, $Secret, $running
$latencies = New-Object System.Collections.Generic.List[long]
$errors = 0
$clock = [System.Diagnostics.Stopwatch]::StartNew()
$deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
$i = 0
while ([DateTime]::UtcNow -lt $deadline) {
    $upn = 'user{0:d6}@contoso.onmicrosoft.com' -f (($Session * 7919 + $i) % $Users)
    $body = New-Object Microsoft.Online.Administration.Automation.RequestBody
    $null = $body.Set('UserPrincipalName', $upn)
    $operation = 'Get-MsolUser'
    if ($i % 2 -eq 1) { $null = $body.Set('City', "pwsh-$Session-$i"); $operation = 'Set-MsolUser' }
    $started = $clock.ElapsedTicks
    try { $null = $client.CallRaw($operation, $body) } catch { $errors++ }
    $latencies.Add([long](($clock.ElapsedTicks - $started) * 1000000 / [System.Diagnostics.Stopwatch]::Frequency))
    $i++
}
[pscustomobject]@{ Latencies = $latencies.ToArray(); Errors = $errors } | ConvertTo-Json -Compress
