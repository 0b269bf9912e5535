# Creating accounts and licensing them, with try/catch on exact FullyQualifiedErrorIds.
Connect-MsolService -Credential (New-Object System.Management.Automation.PSCredential ("admin@contoso.onmicrosoft.com", (ConvertTo-SecureString "not-used-locally" -AsPlainText -Force)))

$people = @(
    @{ First = "Ana"; Last = "Lima"; Department = "Finance" },
    @{ First = "Ben"; Last = "Okafor"; Department = "Sales" },
    @{ First = "Grady"; Last = "Archie"; Department = "Sales" }
)
$sku = (Get-MsolAccountSku | Where-Object { $_.SkuPartNumber -eq "ENTERPRISEPACK" }).AccountSkuId
$created = 0; $existing = 0
foreach ($person in $people) {
    $upn = ("{0}.{1}@contoso.com" -f $person.First, $person.Last).ToLower()
    try {
        $user = New-MsolUser -UserPrincipalName $upn -DisplayName "$($person.First) $($person.Last)" -FirstName $person.First -LastName $person.Last -Department $person.Department -UsageLocation "US" -ErrorAction Stop
        Set-MsolUserLicense -UserPrincipalName $upn -AddLicenses $sku -ErrorAction Stop
        Write-Output "$upn created, password $($user.Password.Length) characters"
        $created++
    } catch {
        if ($_.FullyQualifiedErrorId -eq "Microsoft.Online.Administration.Automation.UserAlreadyExistsException,Microsoft.Online.Administration.Automation.NewUser") {
            Write-Output "$upn already exists"
            $existing++
        } else {
            throw
        }
    }
}
try {
    Get-MsolUser -UserPrincipalName "ana.lima@contoso.co" -ErrorAction Stop | Out-Null
} catch {
    if ($_.FullyQualifiedErrorId -ne "Microsoft.Online.Administration.Automation.UserNotFoundException,Microsoft.Online.Administration.Automation.GetUser") { throw }
    if ($_.Exception.Message -ne "User Not Found.  User: ana.lima@contoso.co.") { throw "unexpected message: $($_.Exception.Message)" }
}
if ($created -ne 2 -or $existing -ne 1) { Write-Error "created $created, existing $existing"; exit 1 }
if (-not (Get-MsolUser -UserPrincipalName "ben.okafor@contoso.com").IsLicensed) { Write-Error "not licensed"; exit 1 }
Write-Output "done"
