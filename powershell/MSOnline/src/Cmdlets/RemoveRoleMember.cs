using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Remove-MsolRoleMember: takes a role away from a user or a service principal.</summary>
    [Cmdlet(VerbsCommon.Remove, "MsolRoleMember", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true)]
    public class RemoveRoleMember : MsolCmdlet
    {
        private const string ByIdSet = "RemoveRoleMembers__0";
        private const string ByNameSet = "RemoveRoleMembersByRoleName__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true)]
        public Guid RoleObjectId { get; set; }

        [Parameter(ParameterSetName = ByNameSet, Mandatory = true)]
        [ArgumentCompleter(typeof(RoleNameCompleter))]
        public string RoleName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)] public RoleMemberType RoleMemberType { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public Guid? RoleMemberObjectId { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string RoleMemberEmailAddress { get; set; }

        protected override object Target()
        {
            return RoleMemberEmailAddress ?? (object)RoleMemberObjectId;
        }

        protected override void ProcessOne()
        {
            string role = ParameterSetName == ByNameSet ? RoleName : RoleObjectId.ToString();
            Change(BoundBody(), Convert.ToString(Target()), "Remove-MsolRoleMember from role " + role);
        }
    }
}
