# Hardens a hybrid tenant's synchronization as Microsoft's guidance for it did in MSOnline days:
# report the features, block cloud object takeover through hard match and soft matching, turn on
# the cloud password policy for synchronized passwords, and lower the accidental deletion threshold.
Connect-MsolService

Get-MsolDirSyncFeatures | Format-Table DirSyncFeature, Enabled -AutoSize | Out-String | Write-Output
if (-not (Get-MsolDirSyncFeatures -Feature PasswordSync).Enabled) { Write-Error "The demo tenant synchronizes password hashes"; exit 1 }

foreach ($feature in 'BlockCloudObjectTakeoverThroughHardMatch', 'BlockSoftMatch', 'EnforceCloudPasswordPolicyForPasswordSyncedUsers') {
    if (-not (Get-MsolDirSyncFeatures -Feature $feature).Enabled) {
        Write-Output "Turning on $feature"
        Set-MsolDirSyncFeature -Feature $feature -Enable $true -Force
    }
}
$off = @(Get-MsolDirSyncFeatures | Where-Object { $_.DirSyncFeature -like 'Block*' -and -not $_.Enabled })
if ($off.Count -ne 0) { Write-Error "Still off: $($off.DirSyncFeature -join ', ')"; exit 1 }

$threshold = (Get-MsolDirSyncConfiguration).AccidentalDeletionThreshold
if ($threshold -gt 100) {
    Set-MsolDirSyncConfiguration -AccidentalDeletionThreshold 100 -Force
    Write-Output "Accidental deletion threshold lowered from $threshold to 100"
}
$guard = Get-MsolDirSyncConfiguration
if ($guard.AccidentalDeletionThreshold -ne 100 -or "$($guard.DeletionPreventionType)" -ne 'EnabledForCount') { Write-Error "The threshold did not change"; exit 1 }

# Soft matching was turned on by Entra Connect and cannot be turned off again; a script that tries
# learns so without anything changing.
try {
    Set-MsolDirSyncFeature -Feature EnableSoftMatchOnUpn -Enable $false -Force -ErrorAction Stop
    Write-Error "EnableSoftMatchOnUpn should stay on"; exit 1
} catch [Microsoft.Online.Administration.Automation.MicrosoftOnlineException] {
    Write-Output "EnableSoftMatchOnUpn stays on, as Microsoft documents"
}
Write-Output ("On now: " + ((Get-MsolDirSyncFeatures | Where-Object Enabled).DirSyncFeature -join ', '))
