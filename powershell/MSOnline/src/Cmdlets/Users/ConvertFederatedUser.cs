using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Convert-MsolFederatedUser: gives a user of a domain that was federated and is managed
    /// now a password (-NewPassword, or a generated one, which is returned) to change at the next
    /// sign-in.</summary>
    [Cmdlet(VerbsData.Convert, "MsolFederatedUser", SupportsShouldProcess = true)]
    [OutputType(typeof(string))]
    public class ConvertFederatedUser : MsolCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserPrincipalNameCompleter))]
        public string UserPrincipalName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string NewPassword { get; set; }

        protected override object Target()
        {
            return UserPrincipalName;
        }

        protected override void ProcessOne()
        {
            if (!ShouldProcess(UserPrincipalName, "Convert-MsolFederatedUser")) return;
            Submit<PasswordAnswer>(BoundBody(), UserPrincipalName, answer =>
            {
                if (answer != null && answer.Password != null) WriteObject(answer.Password);
            });
        }
    }
}
