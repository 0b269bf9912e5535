using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Add-MsolRoleMember: gives a user (by UPN or ObjectId) or a service principal a role.</summary>
    [Cmdlet(VerbsCommon.Add, "MsolRoleMember", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true)]
    public class AddRoleMember : RoleMemberChangeCmdlet
    {
        private const string ByIdSet = "AddRoleMembers__0";
        private const string ByNameSet = "AddRoleMembersByRoleName__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true)]
        [ArgumentCompleter(typeof(RoleObjectIdCompleter))]
        public Guid RoleObjectId { get; set; }

        [Parameter(ParameterSetName = ByNameSet, Mandatory = true)]
        [ArgumentCompleter(typeof(RoleNameCompleter))]
        public string RoleName { get; set; }

        protected override string RoleText
        {
            get { return ParameterSetName == ByNameSet ? RoleName : RoleObjectId.ToString(); }
        }

        protected override string ActionText
        {
            get { return "Add-MsolRoleMember to role"; }
        }
    }
}
