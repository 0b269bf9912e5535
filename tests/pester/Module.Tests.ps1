# Meta tests: the manifest, the exports, the compiled classes and the not-connected contract.
BeforeAll {
    $moduleRoot = Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'powershell/MSOnline'
    $manifestPath = Join-Path $moduleRoot 'MSOnline.psd1'
    Import-Module MSOnline -Force
    $assembly = [Microsoft.Online.Administration.Automation.GetUser].Assembly
    $cmdletClasses = @($assembly.GetTypes() | Where-Object {
        $_.IsPublic -and -not $_.IsAbstract -and $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).Count -gt 0
    })
}

Describe 'The manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $manifestPath -ErrorAction Stop } | Should -Not -Throw
    }
    It 'is at least MSOnline 1.1.183.81, so pinned scripts keep loading' {
        (Test-ModuleManifest -Path $manifestPath).Version | Should -BeGreaterOrEqual ([version]'1.1.183.81')
    }
    It 'loads for a script that pins MSOnline 1.1.183' {
        { Import-Module -FullyQualifiedName @{ ModuleName = 'MSOnline'; ModuleVersion = '1.1.183' } -ErrorAction Stop } | Should -Not -Throw
    }
    It 'declares both editions and PowerShell 5.1' {
        $data = Import-PowerShellDataFile $manifestPath
        $data.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $data.PowerShellVersion | Should -Be '5.1'
    }
    It 'exports exactly the cmdlet classes' {
        $data = Import-PowerShellDataFile $manifestPath
        $classNames = $cmdletClasses | ForEach-Object {
            $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
            "$($attribute.VerbName)-$($attribute.NounName)"
        }
        ($data.CmdletsToExport | Sort-Object) | Should -Be ($classNames | Sort-Object)
        ((Get-Command -Module MSOnline).Name | Sort-Object) | Should -Be ($classNames | Sort-Object)
    }
    It 'docs/cmdlets.md lists all 103 MSOnline cmdlets once, and marks exactly the exported ones available' {
        $doc = Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'docs/cmdlets.md'
        $rows = @(Select-String -Path $doc -Pattern '^\| `([A-Za-z]+-Msol[A-Za-z]+)` \| ([^|]+) \| ([^|]+) \|' | ForEach-Object {
            [pscustomobject]@{ Name = $_.Matches[0].Groups[1].Value; Local = $_.Matches[0].Groups[2].Value.Trim(); Graph = $_.Matches[0].Groups[3].Value.Trim() }
        })
        $rows.Count | Should -Be 103
        @($rows.Name | Sort-Object -Unique).Count | Should -Be 103
        $available = @($rows | Where-Object { $_.Local -eq 'available' -and $_.Graph -eq 'available' } | ForEach-Object Name)
        ($available | Sort-Object) | Should -Be ((Get-Command -Module MSOnline).Name | Sort-Object)
        @($rows | Where-Object { ($_.Local -eq 'available') -ne ($_.Graph -eq 'available') }).Count | Should -Be 0
        $count = { param($status) @($rows | Where-Object { $_.Local -like $status }).Count }
        $expected = 'Counts: {0} available, {1} next ({2} of them partners), {3} later, {4} not offered.' -f (& $count 'available'), (& $count 'next*'), (& $count 'next (partners)'), (& $count 'later'), (& $count 'not offered')
        (Get-Content $doc -Raw) -replace '\s+', ' ' | Should -Match ([regex]::Escape($expected))
        $readme = Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'README.md'
        (Get-Content $readme -Raw) | Should -Match ("The module has {0} of MSOnline's 103 cmdlets" -f (& $count 'available'))
    }
}

Describe 'The cmdlet classes' {
    It '<Name> is implemented by Microsoft.Online.Administration.Automation.<Class>' -ForEach @(
        @{ Name = 'Get-MsolUser'; Class = 'GetUser' }
        @{ Name = 'Set-MsolUser'; Class = 'SetUser' }
        @{ Name = 'New-MsolUser'; Class = 'NewUser' }
        @{ Name = 'Remove-MsolUser'; Class = 'RemoveUser' }
        @{ Name = 'Restore-MsolUser'; Class = 'RestoreUser' }
        @{ Name = 'Set-MsolUserPassword'; Class = 'SetUserPassword' }
        @{ Name = 'Set-MsolUserPrincipalName'; Class = 'SetUserPrincipalName' }
        @{ Name = 'Set-MsolUserLicense'; Class = 'SetUserLicense' }
        @{ Name = 'Get-MsolAccountSku'; Class = 'GetAccountSku' }
        @{ Name = 'Get-MsolCompanyInformation'; Class = 'GetCompanyInformation' }
        @{ Name = 'Get-MsolDomain'; Class = 'GetDomain' }
        @{ Name = 'Get-MsolRole'; Class = 'GetRole' }
        @{ Name = 'Get-MsolRoleMember'; Class = 'GetRoleMember' }
        @{ Name = 'Add-MsolRoleMember'; Class = 'AddRoleMember' }
        @{ Name = 'Remove-MsolRoleMember'; Class = 'RemoveRoleMember' }
        @{ Name = 'Get-MsolUserRole'; Class = 'GetUserRole' }
        @{ Name = 'Get-MsolGroup'; Class = 'GetGroup' }
        @{ Name = 'Get-MsolGroupMember'; Class = 'GetGroupMember' }
        @{ Name = 'Reset-MsolStrongAuthenticationMethodByUpn'; Class = 'ResetStrongAuthenticationMethodByUpn' }
        @{ Name = 'Get-MsolUserByStrongAuthentication'; Class = 'GetUserByStrongAuthentication' }
        @{ Name = 'Connect-MsolService'; Class = 'ConnectMsolService' }
    ) {
        (Get-Command $Name).ImplementingType.FullName | Should -Be "Microsoft.Online.Administration.Automation.$Class"
    }

    It 'every Msol cmdlet but Connect-MsolService and New-MsolServicePrincipalAddresses takes -TenantId as Nullable<Guid> from the pipeline' {
        # New-MsolServicePrincipalAddresses only builds an object; MSOnline's had no -TenantId either.
        foreach ($command in Get-Command -Module MSOnline | Where-Object Name -notin 'Connect-MsolService', 'New-MsolServicePrincipalAddresses') {
            $parameter = $command.Parameters['TenantId']
            $parameter | Should -Not -BeNullOrEmpty -Because $command.Name
            $parameter.ParameterType | Should -Be ([Nullable[guid]])
            $parameter.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0].ValueFromPipelineByPropertyName | Should -BeTrue
        }
    }

    It 'every cmdlet that writes supports -WhatIf and -Confirm' {
        foreach ($name in 'Set-MsolUser', 'New-MsolUser', 'Remove-MsolUser', 'Restore-MsolUser', 'Set-MsolUserPassword',
                          'Set-MsolUserPrincipalName', 'Set-MsolUserLicense', 'Add-MsolRoleMember', 'Remove-MsolRoleMember',
                          'Reset-MsolStrongAuthenticationMethodByUpn') {
            (Get-Command $name).Parameters.Keys | Should -Contain 'WhatIf' -Because $name
            (Get-Command $name).Parameters.Keys | Should -Contain 'Confirm' -Because $name
        }
    }

    It 'keeps MSOnline''s parameter sets' {
        (Get-Command Get-MsolUser).ParameterSets.Name | Sort-Object | Should -Be @('All__0', 'GetUser__0', 'GetUserByUpn__0', 'ListUsers__0')
        (Get-Command Get-MsolUser).DefaultParameterSet | Should -Be 'ListUsers__0'
        (Get-Command Remove-MsolUser).ParameterSets.Name | Sort-Object | Should -Be @('RemoveUser__0', 'RemoveUserByUpn__0')
        (Get-Command Connect-MsolService).ParameterSets.Name | Sort-Object | Should -Be @('AccessToken', 'Credential', 'None__0')
        (Get-Command Connect-MsolService).Parameters['AdGraphAccessToken'].Aliases | Should -Be @('AccessToken')
    }

    It 'binds every Set-MsolUser parameter by property name, with MSOnline''s types' {
        $parameters = (Get-Command Set-MsolUser).Parameters
        $parameters['ObjectId'].ParameterType | Should -Be ([Nullable[guid]])
        $parameters['BlockCredential'].ParameterType | Should -Be ([Nullable[bool]])
        $parameters['StrongAuthenticationRequirements'].ParameterType | Should -Be ([Microsoft.Online.Administration.StrongAuthenticationRequirement[]])
        $parameters['StrongAuthenticationMethods'].ParameterType | Should -Be ([Microsoft.Online.Administration.StrongAuthenticationMethod[]])
        $parameters['UserType'].ParameterType | Should -Be ([Nullable[Microsoft.Online.Administration.UserType]])
        foreach ($parameter in $parameters.Values | Where-Object { $_.Name -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_.Name -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }) {
            $parameter.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0].ValueFromPipelineByPropertyName | Should -BeTrue -Because $parameter.Name
        }
    }

    It 'lets every Msol parameter be named only, as MSOnline did' {
        foreach ($command in Get-Command -Module MSOnline) {
            foreach ($parameter in $command.Parameters.Values) {
                foreach ($attribute in $parameter.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })) {
                    $attribute.Position | Should -BeLessThan 0 -Because "$($command.Name) -$($parameter.Name)"
                }
            }
        }
    }
}

Describe 'Before Connect-MsolService' {
    BeforeAll {
        [Microsoft.Online.Administration.Automation.BridgeSession]::Disconnect()
    }
    It '<Name> fails with MSOnline''s message and error id' -ForEach @(
        @{ Name = 'Get-MsolUser'; Class = 'GetUser'; Arguments = @{} }
        @{ Name = 'Get-MsolDomain'; Class = 'GetDomain'; Arguments = @{} }
        @{ Name = 'Get-MsolAccountSku'; Class = 'GetAccountSku'; Arguments = @{} }
        @{ Name = 'Get-MsolCompanyInformation'; Class = 'GetCompanyInformation'; Arguments = @{} }
        @{ Name = 'Set-MsolUser'; Class = 'SetUser'; Arguments = @{ UserPrincipalName = 'a@contoso.com'; City = 'x' } }
        @{ Name = 'Get-MsolRole'; Class = 'GetRole'; Arguments = @{} }
    ) {
        $failure = $null
        try { & $Name @Arguments -ErrorAction Stop } catch { $failure = $_ }
        $failure.Exception.Message | Should -BeExactly 'You must call the Connect-MsolService cmdlet before calling any other cmdlets.'
        $failure.FullyQualifiedErrorId | Should -BeExactly "Microsoft.Online.Administration.Automation.MicrosoftOnlineException,Microsoft.Online.Administration.Automation.$Class"
        $failure.Exception | Should -BeOfType ([Microsoft.Online.Administration.Automation.MicrosoftOnlineException])
    }
    It 'is a non-terminating error: the connection-check idiom with SilentlyContinue and $? works' {
        $result = Get-MsolDomain -ErrorAction SilentlyContinue
        $ok = $?
        $result | Should -BeNullOrEmpty
        $ok | Should -BeFalse
    }
}

Describe 'The types scripts construct and catch' {
    It '<_> has a public parameterless constructor' -ForEach @(
        'User', 'UserExtended', 'StrongAuthenticationMethod', 'StrongAuthenticationRequirement', 'StrongAuthenticationUserDetails',
        'StrongAuthenticationPhoneAppDetail', 'Role', 'RoleMember', 'Group', 'GroupMember', 'Domain', 'CompanyInformation',
        'AccountSKU', 'UserLicense', 'AccountSkuIdentifier', 'ServiceStatus', 'ServicePlan', 'LicenseOption', 'LicenseAssignmentDetail',
        'AdministrativeUnit', 'AdministrativeUnitMember', 'RoleScopedMember', 'SettingTemplate', 'Settings', 'SettingsValue', 'SettingValue'
    ) {
        { New-Object -TypeName "Microsoft.Online.Administration.$_" } | Should -Not -Throw
    }
    It 'a new User has empty lists, never $null, so scripts can .Add()' {
        $user = New-Object Microsoft.Online.Administration.User
        $user.StrongAuthenticationRequirements.GetType().Name | Should -Be 'List`1'
        $user.StrongAuthenticationRequirements.Count | Should -Be 0
        $user.StrongAuthenticationRequirements.Add((New-Object Microsoft.Online.Administration.StrongAuthenticationRequirement))
        $user.StrongAuthenticationRequirements.Count | Should -Be 1
    }
    It 'keeps MSOnline''s property types' {
        $user = [Microsoft.Online.Administration.User]
        $user.GetProperty('ObjectId').PropertyType | Should -Be ([Nullable[guid]])
        $user.GetProperty('IsLicensed').PropertyType | Should -Be ([Nullable[bool]])
        $user.GetProperty('WhenCreated').PropertyType | Should -Be ([Nullable[datetime]])
        $user.GetProperty('StrongAuthenticationMethods').PropertyType | Should -Be ([System.Collections.Generic.List[Microsoft.Online.Administration.StrongAuthenticationMethod]])
        [Microsoft.Online.Administration.StrongAuthenticationMethod].GetProperty('IsDefault').PropertyType | Should -Be ([bool])
        [Microsoft.Online.Administration.StrongAuthenticationRequirement].GetProperty('RememberDevicesNotIssuedBefore').PropertyType | Should -Be ([datetime])
    }
    It 'builds requirements the three ways old scripts do' {
        $a = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationRequirement
        $a.RelyingParty = '*'; $a.State = 'Enabled'
        $b = [Microsoft.Online.Administration.StrongAuthenticationRequirement]::new()
        $c = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationRequirement -Property @{ RelyingParty = '*'; State = 'Enforced' }
        $a.State | Should -Be 'Enabled'; $b | Should -Not -BeNullOrEmpty; $c.State | Should -Be 'Enforced'
    }
    It 'every fault type is a MicrosoftOnlineException in the Automation namespace' -ForEach @(
        'UserNotFoundException', 'PropertyValidationException', 'UniquenessValidationException', 'AccessDeniedException',
        'LicenseQuotaExceededException', 'InvalidLicenseConfigurationException', 'UserAlreadyExistsException',
        'RestoreUserNotAllowedException', 'DataOperationException', 'ObjectAlreadyExistsException', 'DomainCapabilitySetException'
    ) {
        $type = "Microsoft.Online.Administration.Automation.$_" -as [type]
        $type | Should -Not -BeNullOrEmpty
        $type.IsSubclassOf([Microsoft.Online.Administration.Automation.MicrosoftOnlineException]) | Should -BeTrue
    }
}

Describe 'Importing' {
    It 'compiles once per source hash and edition: a new session loads the cached assembly' {
        $cached = @(Get-ChildItem -Path $env:MSOL_BRIDGE_MODULE_CACHE -Recurse -Filter '*.dll')
        $cached.Count | Should -Be 1
        $before = $cached[0].LastWriteTimeUtc
        $pwsh = (Get-Process -Id $PID).Path
        $location = & $pwsh -NoProfile -NonInteractive -Command 'Import-Module MSOnline; [Microsoft.Online.Administration.User].Assembly.Location'
        $location | Should -Be $cached[0].FullName
        (Get-Item $cached[0].FullName).LastWriteTimeUtc | Should -Be $before
        $cached[0].Directory.Name | Should -Match "^[0-9a-f]{16}-$($PSVersionTable.PSEdition)-"
    }
    It 'compiles the sources with /langversion:5, as Windows PowerShell 5.1 would' {
        $psm1 = Get-Content (Join-Path $moduleRoot 'MSOnline.psm1') -Raw
        $psm1 | Should -Match "-CompilerOptions '/langversion:5'"
    }
}
