# Delegates helpdesk work by office the way MSOnline's administrative-unit walkthroughs did: a unit
# for one city, its users added from Get-MsolUser, a helpdesk administrator scoped to it, a report
# of who administers which unit, then the unit retired again.
Connect-MsolService

$unit = New-MsolAdministrativeUnit -DisplayName "Redmond Office" -Description "Users based in Redmond"
$users = @(Get-MsolUser -All | Where-Object { $_.City -eq 'Redmond' -and -not $_.BlockCredential })
if ($users.Count -lt 2) { Write-Error "Expected Redmond users in the demo, found $($users.Count)"; exit 1 }
foreach ($user in $users) {
    Add-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $unit.ObjectId -AdministrativeUnitMemberObjectId $user.ObjectId
}
$members = @(Get-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $unit.ObjectId -All)
if ($members.Count -ne $users.Count) { Write-Error "The unit has $($members.Count) members, not $($users.Count)"; exit 1 }
Write-Output "Redmond Office holds $($members.Count) users"

$helpdesk = Get-MsolRole -RoleName "Helpdesk Administrator"
$admin = Get-MsolUser -UserPrincipalName "nestor.wilke@contoso.com"
Add-MsolScopedRoleMember -RoleObjectId $helpdesk.ObjectId -AdministrativeUnitObjectId $unit.ObjectId -RoleMemberObjectId $admin.ObjectId

$report = foreach ($au in Get-MsolAdministrativeUnit) {
    foreach ($scoped in Get-MsolScopedRoleMember -AdministrativeUnitObjectId $au.ObjectId -RoleObjectId $helpdesk.ObjectId) {
        New-Object PSObject -Property @{ Unit = $au.DisplayName; Administrator = $scoped.UserPrincipalName }
    }
}
$report | Sort-Object Unit | Format-Table Unit, Administrator -AutoSize | Out-String | Write-Output
if (@($report | Where-Object { $_.Unit -eq 'Redmond Office' -and $_.Administrator -eq 'nestor.wilke@contoso.com' }).Count -ne 1) { Write-Error "The scoped helpdesk administrator is missing"; exit 1 }
if (@($report | Where-Object { $_.Unit -eq 'West Coast' }).Count -ne 1) { Write-Error "West Coast's helpdesk administrator is missing"; exit 1 }

Set-MsolAdministrativeUnit -ObjectId $unit.ObjectId -Description "Retired"
if ((Get-MsolAdministrativeUnit -ObjectId $unit.ObjectId).Description -ne 'Retired') { Write-Error "The description did not change"; exit 1 }
Remove-MsolScopedRoleMember -RoleObjectId $helpdesk.ObjectId -AdministrativeUnitObjectId $unit.ObjectId -RoleMemberUserPrincipalName $admin.UserPrincipalName
Get-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $unit.ObjectId -All | ForEach-Object {
    Remove-MsolAdministrativeUnitMember -AdministrativeUnitObjectId $unit.ObjectId -AdministrativeUnitMemberObjectId $_.ObjectId
}
Remove-MsolAdministrativeUnit -ObjectId $unit.ObjectId -Force
if (Get-MsolAdministrativeUnit -SearchString "Redmond") { Write-Error "Redmond Office is still there"; exit 1 }
Write-Output ("Units now: " + ((Get-MsolAdministrativeUnit | ForEach-Object { $_.DisplayName }) -join ', '))
