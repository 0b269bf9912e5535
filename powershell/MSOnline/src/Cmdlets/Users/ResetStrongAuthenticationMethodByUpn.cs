using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Reset-MsolStrongAuthenticationMethodByUpn: clears a user's registered MFA methods, so the
    /// user registers again at next sign-in ("require re-register MFA"). Per-user MFA stays as it is.</summary>
    [Cmdlet(VerbsCommon.Reset, "MsolStrongAuthenticationMethodByUpn", SupportsShouldProcess = true)]
    public class ResetStrongAuthenticationMethodByUpn : MsolCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserPrincipalNameCompleter))]
        public string UserPrincipalName { get; set; }

        protected override object Target()
        {
            return UserPrincipalName;
        }

        protected override void ProcessOne()
        {
            Change(BoundBody(), UserPrincipalName, "Reset-MsolStrongAuthenticationMethodByUpn");
        }
    }
}
