using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolGroup: changes a security group's display name, description or owner
    /// (ManagedBy: a user's UPN or ObjectId; empty clears it).</summary>
    [Cmdlet(VerbsCommon.Set, "MsolGroup", SupportsShouldProcess = true)]
    public class SetGroup : MsolCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(GroupObjectIdCompleter))]
        public Guid ObjectId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)] public string DisplayName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string Description { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserPrincipalNameCompleter))]
        public string ManagedBy { get; set; }

        protected override object Target()
        {
            return ObjectId;
        }

        protected override void ProcessOne()
        {
            Change(BoundBody(), ObjectId.ToString(), "Set-MsolGroup");
        }
    }
}
