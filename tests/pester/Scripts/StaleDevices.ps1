# Manages stale devices the way Microsoft's MSOnline-era guide did: export the devices that have not
# signed in since a cutoff to CSV, disable them from that CSV, check hybrid-joined devices, then
# remove those stale for over a year. System-managed (Autopilot) devices are never listed by -All.
Connect-MsolService

$cutoff = [datetime]'2025-10-01'
$csv = Join-Path ([System.IO.Path]::GetTempPath()) ("stale-devices-" + [guid]::NewGuid() + ".csv")
Get-MsolDevice -All -LogonTimeBefore $cutoff | Select-Object -Property Enabled, DeviceId, DisplayName, DeviceTrustType, ApproximateLastLogonTimestamp | Export-Csv -NoTypeInformation -Path $csv

$devices = @(Import-Csv -Path $csv)
if ($devices.Count -ne 3) { Write-Error "Expected the demo's three stale devices, found $($devices.Count)"; exit 1 }
if ($devices.DisplayName -contains 'AUTOPILOT-5CG1234') { Write-Error "A system-managed device was listed for removal"; exit 1 }
ForEach ($device in $devices) {
    Write-Host "Now disabling device $($device.DisplayName)"
    Disable-MsolDevice -DeviceId $device.DeviceId -Force
}
$stillOn = @(Get-MsolDevice -All -LogonTimeBefore $cutoff | Where-Object { $_.Enabled })
if ($stillOn.Count -ne 0) { Write-Error "Still enabled: $($stillOn.DisplayName -join ', ')"; exit 1 }

$joined = (Get-MsolDevice -All -IncludeSystemManagedDevices | where {($_.DeviceTrustType -eq 'Domain Joined') -and (([string]($_.AlternativeSecurityIds)).StartsWith("X509:"))}).count
$pending = (Get-MsolDevice -All -IncludeSystemManagedDevices | where {($_.DeviceTrustType -eq 'Domain Joined') -and (-not([string]($_.AlternativeSecurityIds)).StartsWith("X509:"))}).count
if ($joined -ne 1 -or $pending -ne 1) { Write-Error "Expected one hybrid-joined and one pending device, found $joined and $pending"; exit 1 }
Write-Output "Hybrid joined: $joined, pending: $pending"

$removed = @(Get-MsolDevice -All -LogonTimeBefore $cutoff.AddDays(-360) -ReturnRegisteredOwners | Where-Object { -not $_.Enabled })
$removed | ForEach-Object { Write-Output "Removing $($_.DisplayName), registered by $($_.RegisteredOwners -join ', ')" }
$removed | Remove-MsolDevice -Force
if (@($removed).Count -ne 1 -or $removed[0].DisplayName -ne 'LAPTOP-OLD-007') { Write-Error "Expected to remove LAPTOP-OLD-007 only"; exit 1 }
if (Get-MsolDevice -All | Where-Object DisplayName -eq 'LAPTOP-OLD-007') { Write-Error "LAPTOP-OLD-007 is still there"; exit 1 }

Import-Csv -Path $csv | ForEach-Object { if ($_.DisplayName -ne 'LAPTOP-OLD-007') { Enable-MsolDevice -DeviceId $_.DeviceId -Force } }
Remove-Item -Path $csv
Write-Output ("Devices now: " + ((Get-MsolDevice -All | ForEach-Object { "$($_.DisplayName) ($(if ($_.Enabled) { 'on' } else { 'off' }))" }) -join ', '))
