# Changes users' default MFA method by editing the objects Get-MsolUser returns and writing the
# whole list back, catching the FullyQualifiedErrorIds an older function caught.
Connect-MsolService

function Set-MsolUserDefaultMethod {
    param([string] $UserPrincipalName, [string] $MethodType)
    try {
        $user = Get-MsolUser -UserPrincipalName $UserPrincipalName -ErrorAction Stop
    } catch {
        if ($_.FullyQualifiedErrorId -like "Microsoft.Online.Administration.Automation.UserNotFoundException,*") { return "not found" }
        throw
    }
    $methods = $user.StrongAuthenticationMethods
    if (-not ($methods | Where-Object { $_.MethodType -eq $MethodType })) { return "not registered" }
    foreach ($method in $methods) { $method.IsDefault = ($method.MethodType -eq $MethodType) }
    try {
        Set-MsolUser -UserPrincipalName $UserPrincipalName -StrongAuthenticationMethods $methods -ErrorAction Stop
        return "default is now $MethodType"
    } catch {
        if ($_.FullyQualifiedErrorId -eq "Microsoft.Online.Administration.Automation.UniquenessValidationException,Microsoft.Online.Administration.Automation.SetUser") { return "already default" }
        throw
    }
}

$results = @{
    grady = Set-MsolUserDefaultMethod -UserPrincipalName "grady.archie@contoso.com" -MethodType "PhoneAppNotification"
    nobody = Set-MsolUserDefaultMethod -UserPrincipalName "nobody@contoso.com" -MethodType "OneWaySMS"
    isaiah = Set-MsolUserDefaultMethod -UserPrincipalName "isaiah.langer@contoso.com" -MethodType "OneWaySMS"
}
$results.GetEnumerator() | Sort-Object Name | ForEach-Object { Write-Output "$($_.Name): $($_.Value)" }
$default = (Get-MsolUser -UserPrincipalName "grady.archie@contoso.com").StrongAuthenticationMethods | Where-Object { $_.IsDefault -eq "True" } | Select-Object -ExpandProperty MethodType
if ($default -ne "PhoneAppNotification" -or $results.nobody -ne "not found" -or $results.isaiah -ne "not registered") { Write-Error "unexpected: $default"; exit 1 }
Write-Output "done"
