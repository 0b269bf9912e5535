using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Remove-MsolRoleMember: takes a role away from a user or a service principal.</summary>
    [Cmdlet(VerbsCommon.Remove, "MsolRoleMember", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true)]
    public class RemoveRoleMember : RoleMemberChangeCmdlet
    {
        private const string ByIdSet = "RemoveRoleMembers__0";
        private const string ByNameSet = "RemoveRoleMembersByRoleName__0";

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
            get { return "Remove-MsolRoleMember from role"; }
        }
    }
}
