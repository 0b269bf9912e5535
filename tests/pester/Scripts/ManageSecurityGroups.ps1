# Builds a security group per department from users' Department, nests them in an all-staff
# group, renames one, removes leavers and deletes a temporary group, as MSOnline-era scripts did.
Connect-MsolService

$allStaff = New-MsolGroup -DisplayName "All Staff" -Description "Every department" -ManagedBy "admin@contoso.onmicrosoft.com"
if ($allStaff.GroupType -ne "Security") { Write-Error "All Staff is not a security group"; exit 1 }

$users = Get-MsolUser -All | Where-Object { $_.Department -eq "Finance" -or $_.Department -eq "Sales" }
$byDepartment = $users | Group-Object Department
foreach ($department in $byDepartment) {
    $group = New-MsolGroup -DisplayName "Dept $($department.Name)" -Description "Members of $($department.Name)"
    foreach ($user in $department.Group) {
        Add-MsolGroupMember -GroupObjectId $group.ObjectId -GroupMemberType User -GroupMemberObjectId $user.ObjectId
    }
    Add-MsolGroupMember -GroupObjectId $allStaff.ObjectId -GroupMemberType Group -GroupMemberObjectId $group.ObjectId
    $members = Get-MsolGroupMember -GroupObjectId $group.ObjectId -All
    if (@($members).Count -ne $department.Count) { Write-Error "$($department.Name): $(@($members).Count) members, expected $($department.Count)"; exit 1 }
}

$finance = Get-MsolGroup -SearchString "Dept Finance"
Set-MsolGroup -ObjectId $finance.ObjectId -DisplayName "Dept Finance and Payroll" -Description "Finance and payroll"
if ((Get-MsolGroup -ObjectId $finance.ObjectId).DisplayName -ne "Dept Finance and Payroll") { Write-Error "rename failed"; exit 1 }

# Leavers: blocked users come out of every department group.
foreach ($group in Get-MsolGroup -SearchString "Dept ") {
    foreach ($member in Get-MsolGroupMember -GroupObjectId $group.ObjectId -All) {
        $user = Get-MsolUser -ObjectId $member.ObjectId
        if ($user.BlockCredential) {
            Remove-MsolGroupMember -GroupObjectId $group.ObjectId -GroupMemberType User -GroupMemberObjectId $member.ObjectId
        }
    }
}

$temporary = New-MsolGroup -DisplayName "Temporary project"
Remove-MsolGroup -ObjectId $temporary.ObjectId -Force
if (Get-MsolGroup -SearchString "Temporary project") { Write-Error "the temporary group is still there"; exit 1 }

$nested = Get-MsolGroupMember -GroupObjectId $allStaff.ObjectId -All
Write-Output "All Staff holds $(@($nested).Count) department groups; $(@($users).Count) users grouped"
