using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolRole: every administrator role, or one by ObjectId (its template id) or by name
    /// (legacy names such as "Company Administrator" and current ones such as "Global Administrator").</summary>
    [Cmdlet(VerbsCommon.Get, "MsolRole", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Role))]
    public class GetRole : MsolCmdlet
    {
        private const string ListSet = "ListRoles__0";
        private const string ByIdSet = "GetRole__0";
        private const string ByNameSet = "GetRoleByName__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ByNameSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RoleNameCompleter))]
        public string RoleName { get; set; }

        protected override object Target()
        {
            return RoleName ?? (ParameterSetName == ByIdSet ? (object)ObjectId : null);
        }

        protected override void ProcessOne()
        {
            WriteAll<Role>(BoundBody());
        }
    }
}
