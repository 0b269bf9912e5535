using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>New-MsolUser: creates a cloud user and returns it with its (temporary) password.</summary>
    [Cmdlet(VerbsCommon.New, "MsolUser", SupportsShouldProcess = true)]
    [OutputType(typeof(UserExtended))]
    public class NewUser : UserPropertiesCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)] public bool? ForceChangePassword { get; set; }
        [ArgumentCompleter(typeof(AccountSkuIdCompleter))]
        [Parameter(ValueFromPipelineByPropertyName = true)] public string[] LicenseAssignment { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public LicenseOption[] LicenseOptions { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string Password { get; set; }

        protected override object Target()
        {
            return UserPrincipalName;
        }

        protected override void ProcessOne()
        {
            if (!ShouldProcess(UserPrincipalName, "New-MsolUser")) return;
            Submit<UserExtended>(BoundBody(), UserPrincipalName, user => WriteObject(user));
        }
    }
}
