using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Restore-MsolUser: brings a user back from the recycle bin within 30 days of its deletion.</summary>
    [Cmdlet(VerbsData.Restore, "MsolUser", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true)]
    public class RestoreUser : MsolCmdlet
    {
        private const string ByIdSet = "RestoreUser__0";
        private const string ByUpnSet = "RestoreUserByUpn__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ByUpnSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string UserPrincipalName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter AutoReconcileProxyConflicts { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string NewUserPrincipalName { get; set; }

        protected override object Target()
        {
            return ParameterSetName == ByUpnSet ? UserPrincipalName : (object)ObjectId;
        }

        protected override void ProcessOne()
        {
            Change(BoundBody(), Convert.ToString(Target()), "Restore-MsolUser");
        }
    }
}
