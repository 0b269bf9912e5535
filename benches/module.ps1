# The module's figures (run by benches/module.rs, which prepares the tenant and the raw bridge).
$ErrorActionPreference = 'Stop'
$pwsh = (Get-Process -Id $PID).Path

function Seconds([scriptblock] $block) { (Measure-Command $block).TotalSeconds }
function Best([int] $runs, [scriptblock] $block) { (1..$runs | ForEach-Object { Seconds $block } | Measure-Object -Minimum).Minimum }

# 1. Import: cold (compile) and cached, each minus a bare pwsh start.
$env:MSOL_BRIDGE_MODULE_CACHE = $env:MSOL_BENCH_CACHE
$bare = Best 3 { & $pwsh -NoProfile -NonInteractive -Command 'exit 0' }
$cold = Seconds { & $pwsh -NoProfile -NonInteractive -Command 'Import-Module MSOnline' }
$cached = Best 3 { & $pwsh -NoProfile -NonInteractive -Command 'Import-Module MSOnline' }
"import: cold {0:N2} s, cached {1:N3} s (beyond a bare pwsh start of {2:N2} s)" -f ($cold - $bare), ($cached - $bare), $bare

Import-Module MSOnline
Connect-MsolService -LocalTenant $env:MSOL_BENCH_TENANT

# 2. pwsh's memory while listing: working set sampled every 5,000 users (flat = streaming).
[System.GC]::Collect()
$samples = New-Object System.Collections.Generic.List[double]
$seen = 0
Get-MsolUser -All | ForEach-Object { $seen++; if ($seen % 5000 -eq 0) { $samples.Add((Get-Process -Id $PID).WorkingSet64 / 1MB) } } | Out-Null
$early = $samples[0]; $late = $samples[$samples.Count - 1]
"pwsh working set while listing: {0:N0} MiB after 5,000 users, {1:N0} MiB after {2:N0} (ratio {3:N2}x for {4:N0}x the users)" -f $early, $late, $seen, ($late / $early), ($seen / 5000)

# 3. Listing every user against the in-process floor and ConvertFrom-Json over the same JSON file.
$count = (Get-MsolUser -All | Measure-Object).Count
$listing = Best 3 { Get-MsolUser -All | Measure-Object }
$floor = Best 3 { [Microsoft.Online.Administration.Automation.WireJson]::ReadUsers($env:MSOL_BENCH_USERS_FILE) | Measure-Object }
$convert = Seconds { (Get-Content -LiteralPath $env:MSOL_BENCH_USERS_FILE -Raw | ConvertFrom-Json).Value | Measure-Object }
$megabytes = (Get-Item $env:MSOL_BENCH_USERS_FILE).Length / 1MB
"Get-MsolUser -All | Measure-Object: {0:N0} users in {1:N2} s" -f $count, $listing
"  in-process floor (module deserializer over the same {0:N0} MB file + Measure-Object): {1:N2} s -> ratio {2:N2}x (target <= 1.5x)" -f $megabytes, $floor, ($listing / $floor)
"  ConvertFrom-Json over the same file + Measure-Object: {0:N2} s -> Get-MsolUser is {1:N1}x faster (target >= 4x)" -f $convert, ($convert / $listing)

# 4. A foreach loop of 5,000 single Set-MsolUser calls against the same loop of Invoke-RestMethod calls.
# Cloud users only: synchronized users' profile fields are read-only.
$upns = @(Get-MsolUser -All | Where-Object { $null -eq $_.LastDirSyncTime } | Select-Object -First 5000 -ExpandProperty UserPrincipalName)
$loops = $upns.Count
$module = Seconds { $i = 0; foreach ($upn in $upns) { $i++; Set-MsolUser -UserPrincipalName $upn -City "Module $i" } }
$headers = @{ Authorization = "Bearer $env:MSOL_BENCH_RAW_SECRET" }
$uri = "$env:MSOL_BENCH_RAW_URL/v1/Set-MsolUser"
$rest = Seconds { $i = 0; foreach ($upn in $upns) { $i++; $null = Invoke-RestMethod -Method Post -Uri $uri -Headers $headers -ContentType 'application/json' -Body (@{ UserPrincipalName = $upn; City = "Rest $i" } | ConvertTo-Json -Compress) } }
"foreach Set-MsolUser x {0:N0}: {1:N2} ms per call; Invoke-RestMethod: {2:N2} ms per call -> {3:N1}x faster (target >= 2x)" -f $loops, (1000 * $module / $loops), (1000 * $rest / $loops), ($rest / $module)
