using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolUserPrincipalName: changes a user's sign-in name.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolUserPrincipalName", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true)]
    public class SetUserPrincipalName : MsolCmdlet
    {
        private const string ByIdSet = "ChangeUserPrincipalName__0";
        private const string ByUpnSet = "ChangeUserPrincipalNameByUpn__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ByUpnSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserPrincipalNameCompleter))]
        public string UserPrincipalName { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string NewUserPrincipalName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string ImmutableId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string NewPassword { get; set; }

        protected override object Target()
        {
            return ParameterSetName == ByUpnSet ? UserPrincipalName : (object)ObjectId;
        }

        protected override void ProcessOne()
        {
            Change(BoundBody(), Convert.ToString(Target()), "Set-MsolUserPrincipalName to " + NewUserPrincipalName);
        }
    }
}
