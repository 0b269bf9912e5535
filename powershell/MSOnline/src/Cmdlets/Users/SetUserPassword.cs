using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolUserPassword: sets a user's password (a generated one when -NewPassword is not
    /// given) and returns it; with -ForceChangePasswordOnly $true it only forces a change at next sign-in.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolUserPassword", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true)]
    [OutputType(typeof(string))]
    public class SetUserPassword : MsolCmdlet
    {
        private const string ByIdSet = "ResetUserPassword__0";
        private const string ByUpnSet = "ResetUserPasswordByUpn__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ByUpnSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserPrincipalNameCompleter))]
        public string UserPrincipalName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string NewPassword { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public bool? ForceChangePassword { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public bool? ForceChangePasswordOnly { get; set; }

        protected override object Target()
        {
            return ParameterSetName == ByUpnSet ? UserPrincipalName : (object)ObjectId;
        }

        protected override void ProcessOne()
        {
            if (!ShouldProcess(Convert.ToString(Target()), "Set-MsolUserPassword")) return;
            Submit<PasswordAnswer>(BoundBody(), Convert.ToString(Target()), answer =>
            {
                if (answer != null && answer.Password != null) WriteObject(answer.Password);
            });
        }
    }
}
