using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Add-MsolRoleMember: gives a user (by UPN or ObjectId) or a service principal a role.</summary>
    [Cmdlet(VerbsCommon.Add, "MsolRoleMember", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true)]
    public class AddRoleMember : MsolCmdlet
    {
        private const string ByIdSet = "AddRoleMembers__0";
        private const string ByNameSet = "AddRoleMembersByRoleName__0";

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
            Change(BoundBody(), Convert.ToString(Target()), "Add-MsolRoleMember to role " + role);
        }
    }
}
