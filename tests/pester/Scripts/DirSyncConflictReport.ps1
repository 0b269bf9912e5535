# Reports directory synchronization conflicts, as MSOnline-era hybrid health checks did: whether
# there are any, each object with the property and value in conflict, the user behind one address,
# the contacts Exchange flagged, and a CSV for the on-premises Active Directory team.
Connect-MsolService

if (-not (Get-MsolHasObjectsWithDirSyncProvisioningErrors)) { Write-Error "The demo tenant has conflicts"; exit 1 }

$conflicts = @(Get-MsolDirSyncProvisioningError -ErrorCategory PropertyConflict -SortField DisplayName -All)
$rows = foreach ($object in $conflicts) {
    foreach ($conflict in $object.ProvisioningErrors) {
        New-Object PSObject -Property @{
            Name     = $object.DisplayName
            Type     = $object.ObjectType
            Property = $conflict.PropertyName
            Value    = $conflict.PropertyValue
            Since    = $conflict.WhenStarted
        }
    }
}
if (@($rows).Count -lt 2) { Write-Error "Expected the demo's two conflicts, found $(@($rows).Count)"; exit 1 }
$rows | Format-Table Name, Type, Property, Value, Since -AutoSize | Out-String | Write-Output

$onAddresses = @(Get-MsolDirSyncProvisioningError -ErrorCategory PropertyConflict -PropertyName ProxyAddresses)
if (($onAddresses | Where-Object ObjectType -eq 'Contact').Count -ne 1) { Write-Error "The contact's address conflict is missing"; exit 1 }

$holder = Get-MsolDirSyncProvisioningError -ErrorCategory PropertyConflict -PropertyName ProxyAddresses -PropertyValue 'SMTP:hr@contoso.com'
if ($holder.UserPrincipalName -ne 'henrietta.mueller@contoso.com') { Write-Error "SMTP:hr@contoso.com should be Henrietta's conflict"; exit 1 }
$user = Get-MsolUser -UserPrincipalName $holder.UserPrincipalName
if (@($user.DirSyncProvisioningErrors).Count -ne 1 -or -not $user.LastDirSyncTime) { Write-Error "Get-MsolUser should show the conflict of a synchronized user"; exit 1 }
Write-Output "$($user.DisplayName) ($($user.ImmutableId)) conflicts on $($holder.ProvisioningErrors[0].PropertyValue)"

foreach ($contact in Get-MsolContact -HasErrorsOnly) {
    Write-Output "Contact $($contact.DisplayName) <$($contact.EmailAddress)> needs attention in Exchange Online"
}

$csv = Join-Path ([System.IO.Path]::GetTempPath()) ("conflicts-" + [guid]::NewGuid() + ".csv")
$rows | Select-Object Name, Type, Property, Value | Export-Csv -Path $csv -NoTypeInformation
$exported = @(Import-Csv $csv)
Remove-Item $csv
if ($exported.Count -ne @($rows).Count) { Write-Error "The CSV lost rows"; exit 1 }
Write-Output "$($exported.Count) conflicts exported"
